import { chi2Sf } from './special.js';

export interface ChiSquareResult {
  /** Pearson's χ² of the 2×k table (Yates-corrected when dof = 1). */
  statistic: number;
  pValue: number;
  /** k − 1. */
  dof: number;
}

/**
 * Pearson's χ² test of homogeneity on the 2×k table [refCounts, curCounts] —
 * scipy.stats.chi2_contingency([ref, cur]) with its default correction=True: with one degree of
 * freedom every observed count moves up to ½ towards its expected count (Yates). Expected counts are
 * rowTotal·columnTotal/total. Callers drop categories absent from both samples; a table with one
 * category has dof 0, statistic 0 and p = 1, as in scipy.
 */
export function chiSquareHomogeneity(
  refCounts: ArrayLike<number>,
  curCounts: ArrayLike<number>,
): ChiSquareResult {
  const k = refCounts.length;
  if (curCounts.length !== k)
    throw new RangeError('chiSquareHomogeneity needs counts for the same categories');
  let refTotal = 0;
  let curTotal = 0;
  for (let c = 0; c < k; c++) {
    refTotal += refCounts[c]!;
    curTotal += curCounts[c]!;
  }
  const total = refTotal + curTotal;
  for (let c = 0; c < k; c++) {
    if (refTotal === 0 || curTotal === 0 || refCounts[c]! + curCounts[c]! === 0) {
      throw new RangeError('chiSquareHomogeneity needs non-empty samples and no category absent from both');
    }
  }
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  let statistic = 0;
  for (let c = 0; c < k; c++) {
    const column = refCounts[c]! + curCounts[c]!;
    statistic += term(refCounts[c]!, (refTotal * column) / total, dof);
    statistic += term(curCounts[c]!, (curTotal * column) / total, dof);
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}

/** (observed − expected)²/expected, after Yates' shift of at most ½ towards expected when dof = 1. */
function term(observed: number, expected: number, dof: number): number {
  let o = observed;
  if (dof === 1) {
    const difference = expected - observed;
    o += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
  }
  return (o - expected) ** 2 / expected;
}
