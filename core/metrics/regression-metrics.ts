import { pairwiseSum } from '../numeric/pairwise-sum.js';
import { selectMedian } from '../numeric/select-quantile.js';
import { allFinite } from './all-finite.js';
import { TASK_METRICS, type MetricName } from './metric-catalog.js';
import type { MetricValue } from './metric-value.js';
import { allNotComputable, notComputable } from './not-computable.js';
import type { RegressionPredictions } from './predictions.js';

/** `np.finfo(np.float64).eps`: mean_absolute_percentage_error's floor for |y_true|. */
const EPS = 2.220446049250313e-16;

/**
 * The regression metrics, equal to scikit-learn 1.2's: mean_absolute_error, mean_squared_error, its
 * square root, r2_score, mean_absolute_percentage_error (a fraction; an actual of 0 is divided by
 * machine epsilon, so one zero actual with an error makes it huge, exactly as sklearn does, without
 * a warning), max_error and median_absolute_error. Means are pairwise sums over n, as NumPy's.
 *
 * Not computable:
 * - every metric: no rows, or a NaN/infinite actual or prediction (sklearn's check_array raises);
 * - r2: fewer than two rows (sklearn warns "R^2 score is not well-defined with less than two
 *   samples" and returns NaN);
 * - r2: every actual value equal. R² divides by the actuals' variation, which is zero; sklearn 1.2's
 *   default force_finite=True silently replaces the 0/0 or x/0 by 1.0 (perfect predictions) or 0.0,
 *   a convention rather than a measurement, so a gate must not pass or fail on it. (When equal
 *   actuals leave a rounding residue in sklearn's denominator it prints a huge negative number; we
 *   decide on the values themselves.)
 */
export function regressionMetrics(p: RegressionPredictions): Partial<Record<MetricName, MetricValue>> {
  const n = p.actual.length;
  if (p.predicted.length !== n) {
    throw new Error(
      `regression predictions of unequal lengths: ${n} actuals, ${p.predicted.length} predictions`,
    );
  }
  if (n === 0) return allNotComputable(TASK_METRICS.regression, 'the holdout has no rows');
  if (!allFinite(p.actual))
    return allNotComputable(TASK_METRICS.regression, 'some actual values are NaN or infinite');
  if (!allFinite(p.predicted))
    return allNotComputable(TASK_METRICS.regression, 'some predictions are NaN or infinite');

  const { actual, predicted } = p;
  const work = new Float64Array(n);
  // Squared errors: mean_squared_error and r2_score's numerator, both (y_true − y_pred)².
  for (let i = 0; i < n; i++) {
    const d = actual[i]! - predicted[i]!;
    work[i] = d * d;
  }
  const squaredErrorSum = pairwiseSum(work);
  const mse = squaredErrorSum / n;

  // Percentage errors: |y_pred − y_true| / max(|y_true|, eps).
  for (let i = 0; i < n; i++) {
    work[i] = Math.abs(predicted[i]! - actual[i]!) / Math.max(Math.abs(actual[i]!), EPS);
  }
  const mape = pairwiseSum(work) / n;

  // Absolute errors last: the median reorders them.
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(predicted[i]! - actual[i]!);
    work[i] = e;
    if (e > maxError) maxError = e;
  }
  const mae = pairwiseSum(work) / n;
  const medianAe = selectMedian(work);

  return {
    mae,
    mse,
    rmse: Math.sqrt(mse),
    r2: r2Score(actual, squaredErrorSum, work),
    mape,
    max_error: maxError,
    median_ae: medianAe,
  };
}

/** r2_score = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², with ȳ and both sums as NumPy computes them. */
function r2Score(actual: Float64Array, squaredErrorSum: number, scratch: Float64Array): MetricValue {
  const n = actual.length;
  if (n < 2) return notComputable('R² needs at least two rows');
  const first = actual[0]!;
  if (actual.every((v) => v === first)) {
    return notComputable(`every actual value is ${first}, so R² has no variation to explain`);
  }
  const mean = pairwiseSum(actual) / n;
  for (let i = 0; i < n; i++) {
    const d = actual[i]! - mean;
    scratch[i] = d * d;
  }
  return 1 - squaredErrorSum / pairwiseSum(scratch);
}
