/**
 * The pooled sample of two sorted samples, described by its distinct values in ascending order:
 * group `g` holds `inA[g]` values of the first sample and `inB[g]` of the second, all equal.
 * Rank-based tests need nothing else: ranks, midranks and tie sizes all follow from the counts.
 */
export interface TieGroups {
  /** Number of distinct values in the pooled sample. */
  count: number;
  inA: Uint32Array;
  inB: Uint32Array;
}

/** Walks two ascending samples once, merging them into tie groups (no sort, no per-value objects). */
export function tieGroups(aSorted: Float64Array, bSorted: Float64Array): TieGroups {
  const na = aSorted.length;
  const nb = bSorted.length;
  const inA = new Uint32Array(na + nb);
  const inB = new Uint32Array(na + nb);
  let i = 0;
  let j = 0;
  let g = 0;
  while (i < na || j < nb) {
    const value = j >= nb || (i < na && aSorted[i]! <= bSorted[j]!) ? aSorted[i]! : bSorted[j]!;
    const startA = i;
    const startB = j;
    while (i < na && aSorted[i] === value) i++;
    while (j < nb && bSorted[j] === value) j++;
    inA[g] = i - startA;
    inB[g] = j - startB;
    g++;
  }
  return { count: g, inA: inA.subarray(0, g), inB: inB.subarray(0, g) };
}
