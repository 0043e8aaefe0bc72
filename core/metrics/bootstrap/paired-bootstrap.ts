import type { MetricName } from '../metric-catalog.js';
import type { NotComputable } from '../metric-value.js';
import type { Predictions } from '../predictions.js';
import { prepareBootstrap } from './bootstrap-plan.js';
import { bootstrapReplicates } from './bootstrap-replicates.js';
import { MAX_SEED } from './resample-stream.js';
import { summarizeBootstrap, type BootstrapDifference } from './summarize-bootstrap.js';

export interface BootstrapOptions {
  /** How many resamples; 1,000 by default. */
  resamples?: number;
  /** The random seed, an integer from 0 to 2³² − 1; 0 by default, so a report can be reproduced. */
  seed?: number;
  /** The interval's confidence level, in (0, 1); 0.95 by default. */
  confidence?: number;
  /** The metrics to compare; every metric of the task by default. */
  metrics?: readonly MetricName[];
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_SEED = 0;

/**
 * The paired bootstrap of candidate − baseline for every metric: the holdout's rows are resampled
 * with replacement, the same resampled rows score both models, and the spread of the differences
 * gives each metric's percentile interval. A model against itself gets exactly [0, 0]. One thread;
 * to split the resamples across threads, build the plan in each (`prepareBootstrap`), compute a range
 * (`bootstrapReplicates`), join the ranges in order and summarise (`summarizeBootstrap`).
 */
export function pairedBootstrap(
  candidate: Predictions,
  baseline: Predictions,
  options: BootstrapOptions = {},
): Partial<Record<MetricName, BootstrapDifference | NotComputable>> {
  const { resamples, seed, confidence } = resolveBootstrapOptions(options);
  const plan = prepareBootstrap(candidate, baseline, options.metrics);
  return summarizeBootstrap(plan, bootstrapReplicates(plan, seed, 0, resamples), confidence);
}

/** The options with their defaults, checked: a RangeError names the option that is out of range. */
export function resolveBootstrapOptions(options: BootstrapOptions): {
  resamples: number;
  seed: number;
  confidence: number;
} {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > MAX_SEED) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`the bootstrap seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
  }
  return { resamples, seed, confidence };
}
