import type { BootstrapPlanData } from '../../core/metrics/bootstrap/bootstrap-plan.js';

/**
 * The main thread's messages to a bootstrap worker: a call's plan once, then ranges of its resamples.
 * `call` numbers the calls, so an answer still on its way from a call that failed elsewhere is never
 * taken for the next call's.
 */
export type ToBootstrapWorker =
  | { type: 'plan'; call: number; data: BootstrapPlanData }
  | { type: 'range'; call: number; seed: number; from: number; to: number };

/** A worker's answers: a range's replicates (row-major, its buffer transferred), or why it failed. */
export type FromBootstrapWorker =
  | { type: 'replicates'; call: number; from: number; to: number; replicates: Float64Array }
  | { type: 'failed'; call: number; message: string; stack?: string };
