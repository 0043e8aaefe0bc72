import type { Worker } from 'node:worker_threads';
import { WORKER_MARK, type Preread, type ReaderJob } from './dataset-worker-protocol.js';
import { startDatasetWorker } from './start-dataset-worker.js';

const spares: Worker[] = [];

/**
 * Starts reader threads ahead of need: a thread takes ~70 ms to start and load the data layer, time
 * that can overlap the caller's own start-up (loading its modules, the configuration, the checks).
 * The next readers take them instead of starting threads of their own. Told where the data probably
 * is (`preread`), the first spare opens it meanwhile. A spare never taken does not keep the process
 * alive.
 */
export function startSpareReaders(count: number, preread?: Preread): void {
  while (spares.length < count) {
    const job = spares.length === 0 && preread ? { preread } : {};
    const worker = startDatasetWorker({ mark: WORKER_MARK, task: 'wait', ...job });
    worker.unref();
    const drop = () => {
      const at = spares.indexOf(worker);
      if (at !== -1) spares.splice(at, 1);
    };
    worker.once('error', drop).once('exit', drop);
    spares.push(worker);
  }
}

/** How many spares are waiting to be taken. */
export function waitingSpares(): number {
  return spares.length;
}

/** A reader thread running `job`: a spare if one is waiting, else a new one. */
export function startReader(job: ReaderJob): Worker {
  const spare = spares.shift();
  if (spare === undefined) return startDatasetWorker(job);
  spare.removeAllListeners();
  spare.ref();
  spare.postMessage(job, [job.port]);
  return spare;
}
