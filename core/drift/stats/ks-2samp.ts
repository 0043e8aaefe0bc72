import { gcd, ksTwoSidedExactSf } from './ks-exact.js';
import { kolmogorovSf } from './kolmogorov-sf.js';

export interface KsResult {
  /** D = max |F_ref(x) − F_cur(x)| over the pooled values. */
  statistic: number;
  /** Two-sided p-value. */
  pValue: number;
  /** 'exact' when both samples have at most 10 000 values, as scipy's method='auto' decides. */
  method: 'exact' | 'asymp';
}

/** scipy's `MAX_AUTO_N`: above this sample size 'auto' goes straight to the asymptotic p-value. */
const MAX_EXACT_N = 10_000;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided — scipy 1.10's `ks_2samp(ref, cur)` with
 * method='auto'. Both inputs must be sorted ascending and non-empty. One merge pass finds D as
 * scipy does (the ECDF difference i/n1 − j/n2 after each distinct value); then the exact
 * lattice-path p-value when max(n1, n2) ≤ 10 000, where scipy also reports D rounded to the lattice,
 * h/lcm(n1, n2), and otherwise `kstwo.sf(D, round(n1·n2/(n1 + n2)))`.
 */
export function ks2Samp(refSorted: Float64Array, curSorted: Float64Array): KsResult {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp needs two non-empty samples');
  const d = largestEcdfGap(refSorted, curSorted);

  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const lcm = (n1 / gcd(n1, n2)) * n2;
    const h = roundHalfEven(d * lcm);
    const statistic = h / lcm;
    if (h === 0) return { statistic, pValue: 1, method: 'exact' };
    const p = ksTwoSidedExactSf(n1, n2, h);
    // scipy falls back to the asymptotic value when the exact one is not a probability.
    if (p >= 0 && p <= 1) return { statistic, pValue: p, method: 'exact' };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const effectiveN = roundHalfEven((m * n) / (m + n));
  return { statistic: d, pValue: Math.min(Math.max(kolmogorovSf(effectiveN, d), 0), 1), method: 'asymp' };
}

/**
 * max over the pooled values v of |#{ref ≤ v}/n1 − #{cur ≤ v}/n2|. The walk compares the exact
 * integers i·n2 − j·n1 (below 2⁵³ for any realistic sizes) instead of dividing at every step; the
 * winning pair is then turned into D exactly as scipy forms it (two divisions, one subtraction), so
 * D matches scipy's bit for bit.
 */
function largestEcdfGap(ref: Float64Array, cur: Float64Array): number {
  const n1 = ref.length;
  const n2 = cur.length;
  let i = 0;
  let j = 0;
  let above = 0;
  let aboveI = 0;
  let aboveJ = 0;
  let below = 0;
  let belowI = 0;
  let belowJ = 0;
  while (i < n1 && j < n2) {
    const a = ref[i]!;
    const b = cur[j]!;
    if (a <= b) {
      i++;
      while (i < n1 && ref[i] === a) i++;
    }
    if (b <= a) {
      j++;
      while (j < n2 && cur[j] === b) j++;
    }
    const gap = i * n2 - j * n1;
    if (gap > above) {
      above = gap;
      aboveI = i;
      aboveJ = j;
    } else if (-gap > below) {
      below = -gap;
      belowI = i;
      belowJ = j;
    }
  }
  // Once one sample is used up the gap only shrinks towards 0, so nothing is left to find.
  const maxGap = above > 0 ? aboveI / n1 - aboveJ / n2 : 0;
  const minGap = below > 0 ? belowJ / n2 - belowI / n1 : 0;
  return minGap > maxGap ? minGap : maxGap;
}

/** NumPy's rounding: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
