import { mannWhitneyExactSf } from './mann-whitney-exact.js';
import { normalSf } from './special.js';
import { tieGroups, type TieGroups } from './tie-groups.js';

export interface MannWhitneyResult {
  /** U of the first (reference) sample: how many (ref, cur) pairs have ref > cur, ties counting ½. */
  statistic: number;
  /** Two-sided p-value. */
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/**
 * Mann–Whitney U test, two-sided — scipy 1.10's `mannwhitneyu(ref, cur, use_continuity=True,
 * alternative='two-sided', method='auto')`. The exact null distribution is used unless both samples
 * have more than 8 values or there are ties; otherwise the normal approximation with tie correction
 * and continuity correction. Inputs are ascending; ranks come from merging them (pass `groups` from
 * `tieGroups` to share one merge between several rank tests). An empty sample
 * (scipy raises) gives NaN.
 */
export function mannWhitneyU(
  refSorted: Float64Array,
  curSorted: Float64Array,
  groups: TieGroups = tieGroups(refSorted, curSorted),
): MannWhitneyResult {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  const hasTies = groups.count < n1 + n2;
  const method = (n1 > 8 && n2 > 8) || hasTies ? 'asymptotic' : 'exact';
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, method };

  // Rank sum of the reference sample with midranks for ties. Every term is a multiple of ½ and the
  // total stays far below 2^53, so this is exact and equals scipy's sum whatever the order.
  let rankSum = 0;
  let below = 0;
  for (let g = 0; g < groups.count; g++) {
    const size = groups.inA[g]! + groups.inB[g]!;
    rankSum += groups.inA[g]! * (below + (size + 1) / 2);
    below += size;
  }
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);

  let p: number;
  if (method === 'exact') {
    p = 2 * mannWhitneyExactSf(u, n1, n2);
  } else {
    const n = n1 + n2;
    const spread = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm(groups.inA, groups.inB) / (n * (n - 1))));
    // All values tied: spread is 0 and z = −∞, so p = 1 after the clip, as in scipy.
    p = 2 * normalSf((u - (n1 * n2) / 2 - 0.5) / spread);
  }
  return { statistic: u1, pValue: Math.min(Math.max(p, 0), 1), method };
}

/**
 * Σ (t³ − t) over tie groups of size t, exactly (scipy sums it in int64), rounded once. A group of a
 * million equal values (a boolean column) makes t³ ≈ 10^18, beyond exact doubles, so large terms go
 * through BigInt; small ones are summed as doubles while that stays exact.
 */
function tieTerm(inA: Uint32Array, inB: Uint32Array): number {
  const EXACT = 2 ** 52;
  let big = 0n;
  let small = 0;
  for (let g = 0; g < inA.length; g++) {
    const t = inA[g]! + inB[g]!;
    if (t === 1) continue;
    if (t < 2 ** 17) {
      small += t * t * t - t;
      if (small >= EXACT) {
        big += BigInt(small);
        small = 0;
      }
    } else {
      const bt = BigInt(t);
      big += bt * bt * bt - bt;
    }
  }
  return Number(big + BigInt(small));
}
