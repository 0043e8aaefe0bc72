import { TASK_METRICS, type MetricName } from '../metric-catalog.js';
import type { Predictions, Task } from '../predictions.js';
import { rankBinary, useRankOrder, weightedBinaryMetrics, type BinaryRanking } from './weighted-binary.js';
import { rankMulticlass, weightedMulticlassMetrics } from './weighted-multiclass.js';
import { rankRegression, weightedRegressionMetrics } from './weighted-regression.js';

/** Which model a weighted pass evaluates. */
export type Side = 'candidate' | 'baseline';

/**
 * Both models' predictions prepared once for the paired bootstrap: each model's rows ranked, and a
 * pass that writes every metric of the task for given row weights. Building it sorts; evaluating it
 * only walks typed arrays. Deterministic for the same predictions, so every worker thread that builds
 * its own plan from the same predictions gets the same one.
 */
export interface BootstrapPlan {
  task: Task;
  rows: number;
  /** The metrics asked for, in the task's order. */
  metrics: readonly MetricName[];
  /** slots[j]: where metrics[j] sits in the pass's output (the task's full metric list). */
  slots: Int32Array;
  /** How many values one pass writes. */
  width: number;
  /** Writes the side's metrics for `weights` (indexed by the plan's row ids) to `out[0 … width)`. */
  evaluate(side: Side, weights: Int32Array, out: Float64Array): void;
  /** Each side's metrics on the whole holdout (every weight 1), full width; NaN where not computable. */
  point: Record<Side, Float64Array>;
  /** Why a metric cannot be computed for a side whatever rows are drawn (e.g. NaN scores), if so. */
  unusable(side: Side, metric: MetricName): string | undefined;
}

export function prepareBootstrap(
  candidate: Predictions,
  baseline: Predictions,
  metrics: readonly MetricName[] = TASK_METRICS[candidate.task],
): BootstrapPlan {
  requireSameRows(candidate, baseline);
  const task = candidate.task;
  const taskMetrics = TASK_METRICS[task];
  const unknown = metrics.filter((m) => !taskMetrics.includes(m));
  if (unknown.length > 0) {
    throw new RangeError(
      `not a ${task} metric: ${unknown.join(', ')} (${task} metrics: ${taskMetrics.join(', ')})`,
    );
  }
  const asked = taskMetrics.filter((m) => metrics.includes(m));
  const slots = Int32Array.from(asked, (m) => taskMetrics.indexOf(m));
  const rows = candidate.actual.length;
  const kernel = buildKernel(candidate, baseline, asked);
  const ones = new Int32Array(rows).fill(1);
  const point = {
    candidate: new Float64Array(taskMetrics.length),
    baseline: new Float64Array(taskMetrics.length),
  };
  kernel.evaluate('candidate', ones, point.candidate);
  kernel.evaluate('baseline', ones, point.baseline);
  return { task, rows, metrics: asked, slots, width: taskMetrics.length, ...kernel, point };
}

interface Kernel {
  evaluate(side: Side, weights: Int32Array, out: Float64Array): void;
  unusable(side: Side, metric: MetricName): string | undefined;
}

function buildKernel(candidate: Predictions, baseline: Predictions, metrics: readonly MetricName[]): Kernel {
  if (candidate.task === 'binary' && baseline.task === 'binary') {
    // Rows are renamed by the candidate's rank, so the candidate's pass reads the weights in order
    // and only the baseline's pass gathers them (a resample draws every row with equal chance, so
    // which id a row has does not change what is drawn, only where its count is kept).
    const first = rankBinary(candidate);
    const ids = useRankOrder(first);
    const rankings: Record<Side, BinaryRanking> = { candidate: first, baseline: rankBinary(baseline, ids) };
    return {
      evaluate: (side, weights, out) => weightedBinaryMetrics(rankings[side], weights, out),
      unusable: (side, metric) => {
        const ranking = rankings[side];
        if (metric === 'brier') return ranking.scoresUnusable ?? ranking.brierUnusable;
        return ['roc_auc', 'pr_auc', 'log_loss'].includes(metric) ? ranking.scoresUnusable : undefined;
      },
    };
  }
  if (candidate.task === 'multiclass' && baseline.task === 'multiclass') {
    const withRoc = metrics.includes('roc_auc_ovr');
    const rankings = {
      candidate: rankMulticlass(candidate, withRoc),
      baseline: rankMulticlass(baseline, withRoc),
    };
    return {
      evaluate: (side, weights, out) => weightedMulticlassMetrics(rankings[side], weights, out, 0, withRoc),
      unusable: (side, metric) =>
        metric === 'log_loss' || metric === 'roc_auc_ovr' ? rankings[side].probabilitiesUnusable : undefined,
    };
  }
  if (candidate.task === 'regression' && baseline.task === 'regression') {
    const rankings = { candidate: rankRegression(candidate), baseline: rankRegression(baseline) };
    return {
      evaluate: (side, weights, out) => weightedRegressionMetrics(rankings[side], weights, out),
      unusable: (side) => rankings[side].unusable,
    };
  }
  throw new RangeError(
    `the candidate is a ${candidate.task} model and the baseline a ${baseline.task} model`,
  );
}

/** A paired comparison needs both models' predictions for the same rows, with the same labels. */
function requireSameRows(candidate: Predictions, baseline: Predictions): void {
  if (candidate.task !== baseline.task) {
    throw new RangeError(
      `the candidate is a ${candidate.task} model and the baseline a ${baseline.task} model`,
    );
  }
  if (candidate.actual.length !== baseline.actual.length) {
    throw new RangeError(
      `the candidate has predictions for ${candidate.actual.length} rows and the baseline for ${baseline.actual.length}: a paired bootstrap needs both on the same rows`,
    );
  }
  if (
    'classes' in candidate &&
    'classes' in baseline &&
    candidate.classes.join('\u0000') !== baseline.classes.join('\u0000')
  ) {
    throw new RangeError(
      `the candidate's classes (${candidate.classes.join(', ')}) differ from the baseline's (${baseline.classes.join(', ')})`,
    );
  }
  const a = candidate.actual;
  const b = baseline.actual;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) {
      throw new RangeError(
        `row ${i + 1}: the candidate's and the baseline's actual labels differ (${a[i]} and ${b[i]})`,
      );
    }
  }
}
