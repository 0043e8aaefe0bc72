import type { ColumnSample } from '../../core/drift/column-sample.js';
import type { DriftConfig } from '../../core/config/drift-config-schema.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { MessagePort } from 'node:worker_threads';
import type { CsvRecords } from '../../core/data/csv/record-block.js';
import type { Batch, OpenOptions } from '../../core/data/types.js';
import type { ErrorLocation, UserErrorKind } from '../../core/errors.js';
import type { DataFile } from '../../core/ports.js';
import type { StorageEnvironment } from '../context/storage-environment.js';

/**
 * The messages between the thread that reads a dataset (read-dataset-in-worker.ts) and its reader
 * threads (dataset-worker.ts). All of them travel on one MessagePort (`Job.port`): for CSV the
 * reader finds records and hands them to a decoder thread of its own, which then holds the port and
 * posts the batches, so batches and errors still arrive in order through one channel.
 */

export const WORKER_MARK = 'modelship-dataset-reader';

export type WorkerFiles = Pick<DataFile, 'name' | 'inWorkspace' | 'size'>[];

export type FromWorker =
  | { type: 'opened'; files: WorkerFiles; names: string[] }
  | { type: 'batch'; batch: Batch }
  | { type: 'samples'; samples: ColumnSample[]; rows: number }
  | { type: 'columns'; columns: ColumnDrift[] }
  | { type: 'end' }
  | { type: 'user-error'; kind: UserErrorKind; message: string; location: ErrorLocation; details: string[] }
  | { type: 'error'; message: string; stack?: string };

/** What the thread does with the data: hand over its batches, or keep drift samples of some columns. */
export type Task = 'batches' | 'samples';

export type Job = ReaderJob | DecoderJob | SpareJob;

/**
 * A reader started ahead of need (see spare-readers.ts): it waits for its ReaderJob as a message.
 * Told where the data probably is, it opens it meanwhile; the job then uses what it opened if it
 * reads the same CSV the same way.
 */
export interface SpareJob {
  mark: typeof WORKER_MARK;
  task: 'wait';
  preread?: Preread;
}

/** Where relative locations resolve (`cwd`) and which files are the repository's (`workspace`). */
export interface Place {
  cwd: string;
  workspace?: string;
  /** The variables that point S3 at a store, read by the entry's context builder. */
  storage?: StorageEnvironment;
}

export interface Preread extends Place {
  location: string;
  options: OpenOptions;
}

export interface ReaderJob extends Place {
  mark: typeof WORKER_MARK;
  task: Task;
  location: string;
  options: OpenOptions;
  port: MessagePort;
}

/**
 * A reader's helper, started before the data is open (its start-up overlaps the reader's): told the
 * columns, the options and given the port, it decodes the CSV records its reader sends and posts
 * the batches.
 */
export interface DecoderJob {
  mark: typeof WORKER_MARK;
  task: 'decode';
}

/** Reader to decoder: the columns and the port, records in file order, then the end or the error that stopped reading. */
export type ToDecoder =
  | { type: 'start'; names: string[]; options: OpenOptions; port: MessagePort }
  | { type: 'records'; records: CsvRecords }
  | { type: 'end' }
  | Extract<FromWorker, { type: 'user-error' | 'error' }>;

/** Both sides of some columns, for a thread to test. */
export interface ColumnsToTest {
  names: string[];
  reference: ColumnSample[];
  current: ColumnSample[];
  config: DriftConfig;
}

/** To the reader side: credit for one more batch, the columns to sample, or columns to test. */
export type ToWorker = 'next' | { collect: string[] } | { test: ColumnsToTest };

/** The memory of drift samples' numbers, moved rather than copied when posted. */
export function sampleTransferables(samples: ColumnSample[]): ArrayBuffer[] {
  return samples.flatMap((sample) => sample.numbers?.buffers() ?? []);
}
