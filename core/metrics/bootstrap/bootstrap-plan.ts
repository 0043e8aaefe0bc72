import { TASK_METRICS, type MetricName } from '../metric-catalog.js';
import type { Predictions, Task } from '../predictions.js';
import type { RowWeights } from './resample-counts.js';
import { binaryMetricsPass, rankBinary, useRankOrder, type BinaryRanking } from './weighted-binary.js';
import { multiclassMetricsPass, rankMulticlass, type MulticlassRanking } from './weighted-multiclass.js';
import { rankRegression, weightedRegressionMetrics, type RegressionRanking } from './weighted-regression.js';

/** Which model a weighted pass evaluates. */
export type Side = 'candidate' | 'baseline';

/** Both models' rankings, by task. */
export type PlanRankings =
  | { task: 'binary'; candidate: BinaryRanking; baseline: BinaryRanking }
  | { task: 'multiclass'; candidate: MulticlassRanking; baseline: MulticlassRanking; withRoc: boolean }
  | { task: 'regression'; candidate: RegressionRanking; baseline: RegressionRanking };

/**
 * What a plan is made of, without its passes: typed arrays, numbers and strings only, so it can be
 * handed to worker threads (copied, or shared through SharedArrayBuffers) and made into a plan there
 * by `restoreBootstrapPlan`, without ranking the rows again.
 */
export interface BootstrapPlanData {
  task: Task;
  rows: number;
  /** The metrics asked for, in the task's order. */
  metrics: readonly MetricName[];
  /** slots[j]: where metrics[j] sits in the pass's output (the task's full metric list). */
  slots: Int32Array;
  /** How many values one pass writes. */
  width: number;
  /** Each side's metrics on the whole holdout (every weight 1), full width; NaN where not computable. */
  point: Record<Side, Float64Array>;
  rankings: PlanRankings;
}

/**
 * Both models' predictions prepared once for the paired bootstrap: each model's rows ranked, and a
 * pass that writes every metric of the task for given row weights. Building it sorts; evaluating it
 * only walks typed arrays. Each plan has its own scratch: one plan per thread.
 */
export interface BootstrapPlan extends BootstrapPlanData {
  /** Writes the side's metrics for `weights` (indexed by the plan's row ids) to `out[0 … width)`. */
  evaluate(side: Side, weights: RowWeights, out: Float64Array): void;
  /** Why a metric cannot be computed for a side whatever rows are drawn (e.g. NaN scores), if so. */
  unusable(side: Side, metric: MetricName): string | undefined;
  /** The plan's data alone, for `restoreBootstrapPlan` on another thread. */
  data: BootstrapPlanData;
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
  const point = {
    candidate: new Float64Array(taskMetrics.length),
    baseline: new Float64Array(taskMetrics.length),
  };
  const plan = restoreBootstrapPlan({
    task,
    rows,
    metrics: asked,
    slots,
    width: taskMetrics.length,
    point,
    rankings: rankBoth(candidate, baseline, asked),
  });
  const ones = new Uint8Array(rows).fill(1);
  plan.evaluate('candidate', ones, point.candidate);
  plan.evaluate('baseline', ones, point.baseline);
  return plan;
}

/** A plan from its data, with passes (and their scratch) of its own; no sorting. */
export function restoreBootstrapPlan(data: BootstrapPlanData): BootstrapPlan {
  const { rankings } = data;
  const unusable = unusableOf(rankings);
  let evaluate: BootstrapPlan['evaluate'];
  if (rankings.task === 'binary') {
    const passes = {
      candidate: binaryMetricsPass(rankings.candidate),
      baseline: binaryMetricsPass(rankings.baseline),
    };
    evaluate = (side, weights, out) => passes[side](weights, out);
  } else if (rankings.task === 'multiclass') {
    const passes = {
      candidate: multiclassMetricsPass(rankings.candidate, rankings.withRoc),
      baseline: multiclassMetricsPass(rankings.baseline, rankings.withRoc),
    };
    evaluate = (side, weights, out) => passes[side](weights, out);
  } else {
    evaluate = (side, weights, out) => weightedRegressionMetrics(rankings[side], weights, out);
  }
  return { ...data, evaluate, unusable, data };
}

function rankBoth(
  candidate: Predictions,
  baseline: Predictions,
  metrics: readonly MetricName[],
): PlanRankings {
  if (candidate.task === 'binary' && baseline.task === 'binary') {
    // Rows are renamed by the candidate's rank, so the candidate's pass reads the weights in order
    // and only the baseline's pass gathers them (a resample draws every row with equal chance, so
    // which id a row has does not change what is drawn, only where its count is kept).
    const first = rankBinary(candidate);
    const ids = useRankOrder(first);
    return { task: 'binary', candidate: first, baseline: rankBinary(baseline, ids) };
  }
  if (candidate.task === 'multiclass' && baseline.task === 'multiclass') {
    const withRoc = metrics.includes('roc_auc_ovr');
    return {
      task: 'multiclass',
      candidate: rankMulticlass(candidate, withRoc),
      baseline: rankMulticlass(baseline, withRoc),
      withRoc,
    };
  }
  if (candidate.task === 'regression' && baseline.task === 'regression') {
    return { task: 'regression', candidate: rankRegression(candidate), baseline: rankRegression(baseline) };
  }
  throw new RangeError(
    `the candidate is a ${candidate.task} model and the baseline a ${baseline.task} model`,
  );
}

function unusableOf(rankings: PlanRankings): BootstrapPlan['unusable'] {
  switch (rankings.task) {
    case 'binary':
      return (side, metric) => {
        const ranking = rankings[side];
        if (metric === 'brier') return ranking.scoresUnusable ?? ranking.brierUnusable;
        return ['roc_auc', 'pr_auc', 'log_loss'].includes(metric) ? ranking.scoresUnusable : undefined;
      };
    case 'multiclass':
      return (side, metric) =>
        metric === 'log_loss'
          ? rankings[side].logLossUnusable
          : metric === 'roc_auc_ovr'
            ? rankings[side].rocUnusable
            : undefined;
    case 'regression':
      return (side) => rankings[side].unusable;
  }
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
