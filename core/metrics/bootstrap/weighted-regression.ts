import { argsort } from '../../numeric/argsort.js';
import type { RegressionPredictions } from '../predictions.js';

/** Regression metrics in the order of `TASK_METRICS.regression`, the layout `weightedRegressionMetrics` writes. */
export const REGRESSION_BOOTSTRAP_METRICS = [
  'mae',
  'mse',
  'rmse',
  'r2',
  'mape',
  'max_error',
  'median_ae',
] as const;

/** scikit-learn's mean_absolute_percentage_error divides by max(|actual|, float64 ε). */
const EPSILON = 2 ** -52;

/** One regression model's per-row errors, and the rows ranked once by absolute error for the order statistics. */
export interface RegressionRanking {
  actual: Float64Array;
  absoluteErrors: Float64Array;
  squaredErrors: Float64Array;
  percentageErrors: Float64Array;
  /** Row indices (into the weights) by ascending absolute error, with those errors. */
  byAbsoluteError: Int32Array;
  sortedAbsoluteErrors: Float64Array;
  /** Why no metric can be computed (NaN or infinite values), if none can. */
  unusable: string | undefined;
}

export function rankRegression(predictions: RegressionPredictions): RegressionRanking {
  const { actual, predicted } = predictions;
  const n = actual.length;
  const absoluteErrors = new Float64Array(n);
  const squaredErrors = new Float64Array(n);
  const percentageErrors = new Float64Array(n);
  let finite = true;
  for (let i = 0; i < n; i++) {
    const error = actual[i]! - predicted[i]!;
    if (!Number.isFinite(error)) finite = false;
    absoluteErrors[i] = Math.abs(error);
    squaredErrors[i] = error * error;
    percentageErrors[i] = Math.abs(error) / Math.max(Math.abs(actual[i]!), EPSILON);
  }
  const byAbsoluteError = argsort(absoluteErrors, 'ascending');
  const sortedAbsoluteErrors = new Float64Array(n);
  for (let k = 0; k < n; k++) sortedAbsoluteErrors[k] = absoluteErrors[byAbsoluteError[k]!]!;
  return {
    actual,
    absoluteErrors,
    squaredErrors,
    percentageErrors,
    byAbsoluteError,
    sortedAbsoluteErrors,
    unusable: finite ? undefined : 'the actual or predicted values include NaN or infinite values',
  };
}

/**
 * Every regression metric of the rows weighted by `weights` (non-negative integers: copies of each
 * row), written to `out[at …]` in the order of REGRESSION_BOOTSTRAP_METRICS; NaN where scikit-learn
 * answers NaN (R² of fewer than two rows). The means equal scikit-learn with `sample_weight`. The
 * median and the maximum are those of the weighted rows as copies — scikit-learn's max_error takes no
 * weights, and its weighted median_absolute_error is a lower weighted percentile that differs from
 * its own unweighted median even at unit weights, so a resample's median is numpy's median of it.
 */
export function weightedRegressionMetrics(
  ranking: RegressionRanking,
  weights: Int32Array,
  out: Float64Array,
  at = 0,
): void {
  const { actual, absoluteErrors, squaredErrors, percentageErrors } = ranking;
  const n = actual.length;
  let total = 0;
  let actualSum = 0;
  let absoluteSum = 0;
  let squaredSum = 0;
  let percentageSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    total += w;
    actualSum += w * actual[i]!;
    absoluteSum += w * absoluteErrors[i]!;
    squaredSum += w * squaredErrors[i]!;
    percentageSum += w * percentageErrors[i]!;
  }
  if (total === 0 || ranking.unusable !== undefined) {
    out.fill(NaN, at, at + REGRESSION_BOOTSTRAP_METRICS.length);
    return;
  }
  // R²'s denominator around the weighted mean, in a second pass: the one-pass Σw·y² − (Σw·y)²/W
  // loses digits to cancellation when the mean is large against the spread.
  const mean = actualSum / total;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const d = actual[i]! - mean;
    spread += weights[i]! * d * d;
  }
  const mse = squaredSum / total;
  out[at] = absoluteSum / total;
  out[at + 1] = mse;
  out[at + 2] = Math.sqrt(mse);
  // scikit-learn (force_finite): a constant actual gives 1 for a perfect fit, else 0.
  out[at + 3] = total < 2 ? NaN : spread !== 0 ? 1 - squaredSum / spread : squaredSum === 0 ? 1 : 0;
  out[at + 4] = percentageSum / total;
  out[at + 5] = weightedMaximum(ranking, weights);
  out[at + 6] = weightedMedian(ranking, weights, total);
}

/** The largest absolute error among rows of positive weight: the first such row from the top. */
function weightedMaximum(ranking: RegressionRanking, weights: Int32Array): number {
  const { byAbsoluteError, sortedAbsoluteErrors } = ranking;
  for (let k = byAbsoluteError.length - 1; k >= 0; k--) {
    if (weights[byAbsoluteError[k]!]! > 0) return sortedAbsoluteErrors[k]!;
  }
  return NaN;
}

/**
 * numpy's median of the weighted rows as copies: the value of 1-based rank (W + 1)/2 for an odd total
 * weight W, the mean of ranks W/2 and W/2 + 1 for an even one; found by walking the ranking.
 */
function weightedMedian(ranking: RegressionRanking, weights: Int32Array, total: number): number {
  const { byAbsoluteError, sortedAbsoluteErrors } = ranking;
  const lowRank = Math.floor((total + 1) / 2);
  const highRank = Math.floor(total / 2) + 1;
  let cumulative = 0;
  let low = NaN;
  for (let k = 0; k < byAbsoluteError.length; k++) {
    cumulative += weights[byAbsoluteError[k]!]!;
    if (Number.isNaN(low) && cumulative >= lowRank) low = sortedAbsoluteErrors[k]!;
    // For an odd total the two ranks are one, and `low` was just set.
    if (cumulative >= highRank) return total % 2 === 1 ? low : (low + sortedAbsoluteErrors[k]!) / 2;
  }
  return NaN;
}
