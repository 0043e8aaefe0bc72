import { Worker } from 'node:worker_threads';

/**
 * Starts a bootstrap worker thread: a script of its own, so that a thread loads only the metrics
 * core. Bundled, it sits at the top of dist/ and this code in dist/ or dist/chunks/; run from the
 * TypeScript sources, bootstrap-worker-source.mjs registers tsx in the thread first.
 */
export function startBootstrapWorker(): Worker {
  const here = new URL('.', import.meta.url);
  if (!/\.[mc]?ts$/.test(import.meta.url)) {
    const dist = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
    return new Worker(new URL('bootstrap-worker.js', dist));
  }
  // No inherited flags: a parent run with `--input-type` (node -e) would have the thread refuse its file entry.
  return new Worker(new URL('bootstrap-worker-source.mjs', here), { execArgv: [] });
}
