import { Worker, type TransferListItem } from 'node:worker_threads';
import type { Job } from './dataset-worker-protocol.js';

/**
 * Starts a dataset-worker thread: a script of its own, so that a thread loads only the data layer
 * and the drift core, not the rest of the product. Bundled, it sits at the top of dist/ and this code
 * in dist/ or dist/chunks/; run from the TypeScript sources (tests, development), the thread must
 * register tsx before loading it: Node 20 does not apply the parent's --import hooks to a worker's
 * entry module.
 */
export function startDatasetWorker(job: Job): Worker {
  const transferList: TransferListItem[] = 'port' in job ? [job.port] : [];
  const here = new URL('.', import.meta.url);
  if (!/\.[mc]?ts$/.test(import.meta.url)) {
    const dist = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
    return new Worker(new URL('dataset-worker.js', dist), { workerData: job, transferList });
  }
  const script = new URL('dataset-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: job, transferList });
}
