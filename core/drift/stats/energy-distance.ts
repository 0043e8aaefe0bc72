import { ecdfGapIntegral } from './ecdf-gap-integral.js';

/**
 * Energy distance between two sorted samples in its CDF form, √2 · √(∫ (F_ref − F_cur)² dx) —
 * scipy.stats.energy_distance(ref, cur). O(n1 + n2), no pairwise differences.
 */
export function energyDistance(refSorted: Float64Array, curSorted: Float64Array): number {
  return Math.SQRT2 * Math.sqrt(ecdfGapIntegral(refSorted, curSorted, 2));
}
