import { parentPort } from 'node:worker_threads';
import { restoreBootstrapPlan, type BootstrapPlan } from '../../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../../core/metrics/bootstrap/bootstrap-replicates.js';
import type { FromBootstrapWorker, ToBootstrapWorker } from './bootstrap-worker-protocol.js';

/**
 * A bootstrap worker thread: takes a plan's data once (its large arrays shared with the other
 * threads, not copied), makes its own plan of it (its own scratch, no sorting), then computes every
 * range of resamples it is given and posts the replicates back.
 */
const port = parentPort;
if (!port) throw new Error('bootstrap-worker.ts runs as a worker thread');
let plan: BootstrapPlan | undefined;
let planCall = -1;
port.on('message', (message: ToBootstrapWorker) => {
  try {
    if (message.type === 'plan') {
      plan = restoreBootstrapPlan(message.data);
      planCall = message.call;
      return;
    }
    if (!plan || planCall !== message.call) throw new Error('a range of resamples came before its plan');
    const replicates = bootstrapReplicates(plan, message.seed, message.from, message.to);
    const answer: FromBootstrapWorker = {
      type: 'replicates',
      call: message.call,
      from: message.from,
      to: message.to,
      replicates,
    };
    port.postMessage(answer, [replicates.buffer as ArrayBuffer]);
  } catch (error) {
    const failure: FromBootstrapWorker = {
      type: 'failed',
      call: message.call,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
    port.postMessage(failure);
  }
});
