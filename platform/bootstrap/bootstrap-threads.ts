import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { BootstrapPlan } from '../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../core/metrics/bootstrap/bootstrap-replicates.js';
import { resolveBootstrapOptions } from '../../core/metrics/bootstrap/paired-bootstrap.js';
import type { FromBootstrapWorker, ToBootstrapWorker } from './bootstrap-worker-protocol.js';
import { sharePlanData } from './share-plan-data.js';
import { startBootstrapWorker } from './start-bootstrap-worker.js';

/** Worker threads computing the paired bootstrap's resamples; `close()` on every path. */
export interface BootstrapThreads {
  /**
   * The replicates of resamples [0, resamples) for `seed`, bit-identical to
   * `bootstrapReplicates(plan, seed, 0, resamples)` on one thread: every resample depends only on
   * (seed, index), and each range's replicates are put back at its place.
   */
  replicates(plan: BootstrapPlan, seed: number, resamples: number): Promise<Float64Array>;
  close(): Promise<void>;
}

/** Ranges handed out per thread and call: small enough that a thread slowed by other work on a shared runner does not hold up the end. */
const RANGES_PER_THREAD = 8;

/**
 * Starts `count` bootstrap threads (by default one per core this process may use). Start them early —
 * say while the models score the holdout — so that they have loaded when the plan is ready. With one
 * thread the resamples run on the calling thread and no thread is started.
 */
export function startBootstrapThreads(count = availableParallelism()): BootstrapThreads {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`bootstrap threads: expected a positive integer count, got ${count}`);
  }
  const workers: Worker[] = count > 1 ? Array.from({ length: count }, startBootstrapWorker) : [];
  // One call at a time: a call sends its plan to every thread, which replaces the one before.
  let queue: Promise<unknown> = Promise.resolve();
  let calls = 0;
  return {
    replicates(plan, seed, resamples) {
      resolveBootstrapOptions({ seed, resamples });
      const run =
        workers.length === 0
          ? queue.then(() => bootstrapReplicates(plan, seed, 0, resamples))
          : queue.then(() => onThreads(workers, calls++, plan, seed, resamples));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function onThreads(
  workers: Worker[],
  call: number,
  plan: BootstrapPlan,
  seed: number,
  resamples: number,
): Promise<Float64Array> {
  const m = plan.metrics.length;
  const out = new Float64Array(resamples * m);
  const step = Math.max(1, Math.ceil(resamples / (workers.length * RANGES_PER_THREAD)));
  const data = sharePlanData(plan.data);
  return new Promise<Float64Array>((resolve, reject) => {
    let next = 0;
    let done = 0;
    const detach: (() => void)[] = [];
    const finish = (error?: Error) => {
      for (const off of detach) off();
      if (error) reject(error);
      else resolve(out);
    };
    const give = (worker: Worker) => {
      if (next >= resamples) return;
      const from = next;
      next = Math.min(resamples, from + step);
      const message: ToBootstrapWorker = { type: 'range', call, seed, from, to: next };
      worker.postMessage(message);
    };
    for (const worker of workers) {
      const onMessage = (message: FromBootstrapWorker) => {
        if (message.call !== call) return;
        if (message.type === 'failed') {
          const error = new Error(`a bootstrap thread failed: ${message.message}`);
          if (message.stack) error.stack = message.stack;
          finish(error);
          return;
        }
        out.set(message.replicates, message.from * m);
        done += message.to - message.from;
        if (done === resamples) finish();
        else give(worker);
      };
      const onError = (error: Error) => finish(error);
      const onExit = (code: number) =>
        finish(new Error(`a bootstrap thread stopped (exit code ${code}) before its resamples were done`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      detach.push(() => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      });
      const planMessage: ToBootstrapWorker = { type: 'plan', call, data };
      worker.postMessage(planMessage);
      give(worker);
    }
  });
}
