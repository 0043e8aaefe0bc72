import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { tieGroups, type TieGroups } from './tie-groups.js';

export interface AndersonKSampleResult {
  /** Standardized statistic (A²kN − (k−1)) / σN, as scipy reports it. */
  statistic: number;
  /** Interpolated significance level, capped to [0.001, 0.25]. */
  pValue: number;
  /** Critical values at significance levels 25%, 10%, 5%, 2.5%, 1%, 0.5%, 0.1%. */
  criticalValues: readonly number[];
}

/** Scholz & Stephens (1987), Table 2 interpolation coefficients at the levels below. */
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
/** b0 + b1/√m + b2/m with m = k − 1 = 1 for two samples. */
const CRITICAL: readonly number[] = B0.map((b0, i) => b0 + B1[i]! / Math.sqrt(1) + B2[i]! / 1);
/**
 * `np.polyfit(CRITICAL, log(SIGNIFICANCE), 2)`, highest power first. Two samples always give the
 * same critical values, so scipy's fit is a constant. Taken from NumPy, it makes the interpolated
 * p-values identical to scipy's rather than close (the tests compare them across the range).
 */
const LOG_P_FIT = [0.01819809457411127, -1.0082265644652508, -1.0777702798204882] as const;

/**
 * Anderson–Darling k-sample test for two samples — scipy 1.10's `anderson_ksamp([ref, cur])`
 * (midrank version, eq. 7 of Scholz & Stephens 1987). The p-value interpolates log(significance)
 * quadratically between the tabulated critical values and, as scipy does, is capped: a statistic
 * below the 25% critical value reports 0.25, one above the 0.1% value reports 0.001.
 * NaN where scipy raises (an empty sample, fewer than two distinct values, or N = 2 values in all)
 * and where it returns NaN (N = 3). Pass `groups` (from `tieGroups`) when running several rank
 * tests on the same pair, to merge the samples once.
 */
export function andersonDarlingKSample(
  refSorted: Float64Array,
  curSorted: Float64Array,
  groups: TieGroups = tieGroups(refSorted, curSorted),
): AndersonKSampleResult {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  const total = n1 + n2;
  if (n1 === 0 || n2 === 0 || groups.count < 2 || total < 3) {
    return { statistic: NaN, pValue: NaN, criticalValues: CRITICAL };
  }

  const a2kn = midrankStatistic(groups, n1, n2);
  const statistic = (a2kn - 1) / Math.sqrt(nullVariance(n1, n2));
  let pValue: number;
  if (statistic < CRITICAL[0]!) pValue = SIGNIFICANCE[0]!;
  else if (statistic > CRITICAL[CRITICAL.length - 1]!) pValue = SIGNIFICANCE[SIGNIFICANCE.length - 1]!;
  else pValue = Math.exp((LOG_P_FIT[0] * statistic + LOG_P_FIT[1]) * statistic + LOG_P_FIT[2]);
  return { statistic, pValue, criticalValues: CRITICAL };
}

/**
 * A²akN (Scholz & Stephens eq. 7) from the tie groups: each term is formed exactly as scipy forms
 * it elementwise, then summed pairwise, so the sum carries the same rounding.
 */
function midrankStatistic(groups: TieGroups, n1: number, n2: number): number {
  const N = n1 + n2;
  const noTies = groups.count === N;
  const terms = new Float64Array(groups.count);
  let a2kn = 0;
  for (const [counts, size] of [
    [groups.inA, n1],
    [groups.inB, n2],
  ] as const) {
    let below = 0; // pooled values smaller than this group's
    let belowInSample = 0;
    for (let j = 0; j < groups.count; j++) {
      const lj = noTies ? 1 : groups.inA[j]! + groups.inB[j]!;
      const fij = counts[j]!;
      const bj = below + lj / 2;
      const mij = belowInSample + fij - fij / 2;
      const gap = N * mij - bj * size;
      terms[j] = ((lj / N) * (gap * gap)) / (bj * (N - bj) - (N * lj) / 4);
      below += groups.inA[j]! + groups.inB[j]!;
      belowInSample += fij;
    }
    a2kn += pairwiseSum(terms) / size;
  }
  return a2kn * ((N - 1) / N);
}

/** σ²N, the variance of A²kN under the null (Scholz & Stephens eq. 4) for k = 2, in scipy's order. */
function nullVariance(n1: number, n2: number): number {
  const N = n1 + n2;
  const k = 2;
  const H = 0 + 1 / n1 + 1 / n2;
  // hs_cs = cumsum(1/(N−1), 1/(N−2), …, 1/2); h = its last value + 1; g = Σ hs_cs[i] / (i + 2).
  const ratios = new Float64Array(N - 2);
  let cumulative = 0;
  for (let i = 0; i < N - 2; i++) {
    cumulative += 1 / (N - 1 - i);
    ratios[i] = cumulative / (i + 2);
  }
  const h = cumulative + 1;
  const g = pairwiseSum(ratios);

  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k * k - 4 * h * k;
  // scipy rounds the exact integers N³ and N² to floats once; N·N is exact, so N·N·N rounds once too.
  return (a * (N * N * N) + b * (N * N) + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
}
