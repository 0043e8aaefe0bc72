import type { DataStream, OpenOptions } from '../../core/data/types.js';
import type { DataFile } from '../../core/ports.js';

/** The files a dataset was read from, as messages and annotations name them. */
export type DatasetFiles = Pick<DataFile, 'name' | 'inWorkspace' | 'size'>[];

/** A dataset opened for one streaming read of its batches. */
export interface OpenedDataset {
  files: DatasetFiles;
  stream: DataStream;
}

/**
 * Where a job reads its data from. Whatever it opens stays the source's to stop: the adapter closes
 * the source on every path, so a job that throws before (or while) reading leaves nothing running.
 */
export interface DatasetSource {
  open(location: string, options: OpenOptions): Promise<OpenedDataset>;
}
