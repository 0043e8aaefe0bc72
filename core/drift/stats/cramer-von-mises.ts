import { cramerVonMisesExactPValue } from './cramer-von-mises-exact.js';
import { cramerVonMisesLimitCdf } from './cramer-von-mises-limit-cdf.js';
import { pairwiseSum } from '../../numeric/pairwise-sum.js';
import { tieGroups, type TieGroups } from './tie-groups.js';

export interface CramerVonMisesResult {
  /** Anderson's T: the integrated squared distance between the two empirical CDFs. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/**
 * Two-sample Cramér–von Mises test — scipy 1.10's `cramervonmises_2samp(ref, cur, method='auto')`:
 * exact p-value when neither sample has more than 20 values, otherwise the limiting distribution
 * after standardizing T with its exact mean and variance (Anderson 1962, eq. 11–15). Ties get
 * midranks. scipy raises for a sample of fewer than two values; that gives NaN here. Pass `groups`
 * (from `tieGroups`) when running several rank tests on the same pair, to merge the samples once.
 */
export function cramerVonMises2Samp(
  refSorted: Float64Array,
  curSorted: Float64Array,
  groups: TieGroups = tieGroups(refSorted, curSorted),
): CramerVonMisesResult {
  const nx = refSorted.length;
  const ny = curSorted.length;
  const method = Math.max(nx, ny) > 20 ? 'asymptotic' : 'exact';
  if (nx <= 1 || ny <= 1) return { statistic: NaN, pValue: NaN, method };

  // U = nx·Σ(rank of x_i − i)² + ny·Σ(rank of y_j − j)², each squared gap laid out in sample order
  // and summed pairwise as scipy does, so U (and T) agree to the last bit.
  const gapsX = new Float64Array(nx);
  const gapsY = new Float64Array(ny);
  let below = 0;
  let ix = 0;
  let iy = 0;
  for (let g = 0; g < groups.count; g++) {
    const inX = groups.inA[g]!;
    const inY = groups.inB[g]!;
    const midrank = below + (inX + inY + 1) / 2;
    for (let end = ix + inX; ix < end; ix++) gapsX[ix] = square(midrank - (ix + 1));
    for (let end = iy + inY; iy < end; iy++) gapsY[iy] = square(midrank - (iy + 1));
    below += inX + inY;
  }
  const u = nx * pairwiseSum(gapsX) + ny * pairwiseSum(gapsY);

  const k = nx * ny;
  const n = nx + ny;
  const statistic = u / (k * n) - (4 * k - 1) / (6 * n);
  if (method === 'exact') return { statistic, pValue: cramerVonMisesExactPValue(u, nx, ny), method };

  const mean = (1 + 1 / n) / 6;
  const variance = ((n + 1) * (4 * k * n - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * n * n * 4 * k);
  const standardized = 1 / 6 + (statistic - mean) / Math.sqrt(45 * variance);
  // scipy: below 0.003 the limiting CDF is under 1.28e-18, so p is 1 without evaluating it.
  const pValue = standardized < 0.003 ? 1 : Math.max(0, 1 - cramerVonMisesLimitCdf(standardized));
  return { statistic, pValue, method };
}

function square(x: number): number {
  return x * x;
}
