import { Worker, type TransferListItem } from 'node:worker_threads';
import type { Job } from './dataset-worker-protocol.js';

/**
 * Starts a dataset-worker thread: a script of its own, so that a thread loads only the data layer
 * and the drift core, not the rest of the product. Bundled, it sits at the top of dist/ and this code
 * in dist/ or dist/chunks/; run from the TypeScript sources, dataset-worker-source.mjs registers tsx
 * in the thread first.
 */
export function startDatasetWorker(job: Job): Worker {
  const transferList: TransferListItem[] = 'port' in job ? [job.port] : [];
  const here = new URL('.', import.meta.url);
  if (!/\.[mc]?ts$/.test(import.meta.url)) {
    const dist = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
    return new Worker(new URL('dataset-worker.js', dist), { workerData: job, transferList });
  }
  // No inherited flags: a parent run with `--input-type` (node -e) would have the thread refuse its file entry.
  const entry = new URL('dataset-worker-source.mjs', here);
  return new Worker(entry, { workerData: job, transferList, execArgv: [] });
}
