import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { studentTSf } from './special.js';

export interface WelchTResult {
  /** t = (mean(ref) − mean(cur)) / √(var(ref)/n₁ + var(cur)/n₂). */
  statistic: number;
  /** Two-sided p-value from Student's t with the Welch–Satterthwaite degrees of freedom. */
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom; 1 when undefined (both variances zero), as scipy does. */
  df: number;
}

/**
 * Welch's unequal-variance t-test, two-sided — scipy 1.10's `ttest_ind(ref, cur, equal_var=False)`.
 * Means and variances are computed the way scipy does (pairwise sums, variance about the mean
 * rather than from raw moments, so large offsets do not cancel). A sample of one value has an
 * undefined variance: statistic and p-value are NaN, as in scipy; an empty sample gives NaN too.
 */
export function welchTTest(ref: Float64Array, cur: Float64Array): WelchTResult {
  const n1 = ref.length;
  const n2 = cur.length;
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, df: NaN };
  const [mean1, var1] = meanAndVariance(ref);
  const [mean2, var2] = meanAndVariance(cur);
  const vn1 = var1 / n1;
  const vn2 = var2 / n2;
  const dfRaw = (vn1 + vn2) ** 2 / (vn1 ** 2 / (n1 - 1) + vn2 ** 2 / (n2 - 1));
  // scipy: "If df is undefined, variances are zero … it doesn't matter what df is as long as it's not NaN."
  const df = Number.isNaN(dfRaw) ? 1 : dfRaw;
  const statistic = (mean1 - mean2) / Math.sqrt(vn1 + vn2);
  return { statistic, pValue: studentTSf(Math.abs(statistic), df) * 2, df };
}

/** Mean and unbiased variance (ddof = 1) in scipy's order of operations; n = 1 gives variance NaN. */
function meanAndVariance(values: Float64Array): [number, number] {
  const n = values.length;
  const mean = pairwiseSum(values) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares[i] = d * d;
  }
  // scipy: mean of squared deviations, times n / (n − 1); for n = 1 that is 0 · ∞ = NaN.
  return [mean, (pairwiseSum(squares) / n) * (n / (n - 1))];
}
