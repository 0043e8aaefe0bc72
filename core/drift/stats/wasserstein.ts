import { ecdfGapIntegral } from './ecdf-gap-integral.js';
import { squaredDeviations } from '../../numeric/squared-deviations.js';

/** Evidently's floor on the reference spread, so a constant reference column does not divide by 0. */
const MIN_SCALE = 0.001;

/**
 * First Wasserstein (earth mover's) distance between two sorted samples: ∫ |F_ref − F_cur| dx —
 * scipy.stats.wasserstein_distance(ref, cur). O(n1 + n2).
 */
export function wassersteinDistance(refSorted: Float64Array, curSorted: Float64Array): number {
  return ecdfGapIntegral(refSorted, curSorted, 1);
}

/**
 * The distance in units of the reference's spread, as Evidently's `wasserstein` drift test scores
 * it: W₁(ref, cur) / max(σ_ref, 0.001), σ the population standard deviation (ddof = 0, np.std).
 */
export function normedWasserstein(refSorted: Float64Array, curSorted: Float64Array): number {
  return wassersteinDistance(refSorted, curSorted) / Math.max(populationStd(refSorted), MIN_SCALE);
}

/** √(mean((x − mean)²)), two passes so a large offset does not cancel. */
function populationStd(values: Float64Array): number {
  return Math.sqrt(squaredDeviations(values, values.length).m2 / values.length);
}
