import type { OpenOptions } from '../../core/data/types.js';
import type { DatasetSource, OpenedDataset } from '../../jobs/ports/dataset-source.js';
import type { SampledDataset, SampleSource } from '../../jobs/ports/sample-source.js';
import type { Place, Preread } from './dataset-worker-protocol.js';
import { collectSamplesInWorker, readDatasetInWorker } from './read-dataset-in-worker.js';
import { startSpareReaders } from './spare-readers.js';

/** The data ports on reader threads, with `close()` for the adapter to call on every path. */
export interface ReaderThreads extends DatasetSource, SampleSource {
  /** Stops every thread this source started: a job that failed early leaves nothing running. */
  close(): Promise<void>;
}

/**
 * Datasets read on threads of their own (parsing overlaps the checks or tests on a two-core runner).
 * Created at the very start of an entry point: `spares` threads start at once and load the data
 * layer while the entry loads its own code; told where the data probably is (`preread`), the first
 * one opens it meanwhile.
 */
export function startReaderThreads(
  place: Place,
  warmUp: { spares: number; preread?: Omit<Preread, keyof Place> } = { spares: 0 },
): ReaderThreads {
  if (warmUp.spares > 0) startSpareReaders(warmUp.spares, warmUp.preread && { ...place, ...warmUp.preread });
  const open = new Set<{ close(): Promise<void> }>();
  const track = <T extends { close(): Promise<void> }>(handle: T): T => {
    open.add(handle);
    return {
      ...handle,
      close: async () => {
        open.delete(handle);
        await handle.close();
      },
    };
  };
  return {
    async open(location: string, options: OpenOptions): Promise<OpenedDataset> {
      return track(await readDatasetInWorker(location, place, options));
    },
    async sample(location: string, options: OpenOptions): Promise<SampledDataset> {
      return track(await collectSamplesInWorker(location, place, options));
    },
    async close() {
      await Promise.all([...open].map((handle) => handle.close()));
      open.clear();
    },
  };
}
