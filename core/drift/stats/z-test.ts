import { normalSf } from './special.js';

export interface ZTestResult {
  /** (p_ref − p_cur) / √(P(1 − P)(1/n_ref + 1/n_cur)), P the pooled proportion. */
  statistic: number;
  /** Two-sided: 2·(1 − Φ(|z|)), taken from the upper tail so small p-values keep their digits. */
  pValue: number;
}

/**
 * Pooled two-proportion z-test, two-sided — Evidently's `z` drift test for binary columns. When
 * the pooled proportion is 0 or 1 (both samples all successes or all failures) there is no
 * difference to test: statistic 0, p = 1.
 */
export function proportionZTest(
  refSuccesses: number,
  refTotal: number,
  curSuccesses: number,
  curTotal: number,
): ZTestResult {
  if (!(refTotal > 0 && curTotal > 0)) throw new RangeError('proportionZTest needs two non-empty samples');
  const pooled = (refSuccesses + curSuccesses) / (refTotal + curTotal);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const difference = refSuccesses / refTotal - curSuccesses / curTotal;
  const statistic = difference / Math.sqrt(pooled * (1 - pooled) * (1 / refTotal + 1 / curTotal));
  return { statistic, pValue: 2 * normalSf(Math.abs(statistic)) };
}
