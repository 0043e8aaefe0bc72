import { besselKQuarter } from './bessel-k-quarter.js';

/** scipy stops adding terms once one falls below this; stopping at the same term keeps p identical. */
const LAST_TERM = 1e-7;

/**
 * CDF of the Cramér–von Mises statistic in the limit of infinite sample size (Csörgő & Faraway
 * 1996, eq. 1.2–1.3) — scipy 1.10's `_cdf_cvm_inf(x)`:
 * Σ_k Γ(k+½)/(Γ(k+1) π^{3/2} √x) · √(4k+1) · e^{−q} K_¼(q), q = (4k+1)²/16x,
 * summed until a term is below 1e-7. Not accurate for x > 4 or so, where the CDF is nearly 1
 * (documented by scipy too); callers report 1 − CDF floored at 0.
 */
export function cramerVonMisesLimitCdf(x: number): number {
  const scale = Math.PI ** 1.5 * Math.sqrt(x);
  let gammaRatio = Math.sqrt(Math.PI); // Γ(k+½)/Γ(k+1) at k = 0, updated by Γ(z+1) = zΓ(z)
  let total = 0;
  for (let k = 0; ; k++) {
    if (k > 0) gammaRatio *= (k - 0.5) / k;
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const term = (gammaRatio / scale) * Math.sqrt(y) * Math.exp(-q) * besselKQuarter(q);
    total += term;
    if (!(Math.abs(term) >= LAST_TERM)) return total;
  }
}
