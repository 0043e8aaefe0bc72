import { kolmogorovCdfDurbin } from './kolmogorov-durbin.js';
import { kolmogorovCdfPelzGood } from './kolmogorov-pelz-good.js';
import { kolmogorovCdfPomeranz } from './kolmogorov-pomeranz.js';
import { smirnovSf } from './smirnov-sf.js';

const LOG_2PI = Math.log(2 * Math.PI);
/** B₂ⱼ/(2j(2j − 1)) for j = 8…1, highest first (scipy's `_STIRLING_COEFFS`). */
const STIRLING = [
  -3617 / 510 / 240,
  7 / 6 / 182,
  -691 / 2730 / 132,
  5 / 66 / 90,
  -1 / 30 / 56,
  1 / 42 / 30,
  -1 / 30 / 12,
  1 / 6 / 2,
];

/**
 * P(Dₙ ≥ x), the survival function of the two-sided one-sample Kolmogorov–Smirnov statistic for a
 * sample of n — scipy 1.10's `kstwo.sf(x, n)`, with its choice of method by region (Simard and
 * L'Ecuyer 2011): Ruben–Gambino's closed forms at the ends, twice the one-sided Smirnov tail where
 * that is exact or Miller's approximation is good, and otherwise 1 − CDF from Durbin's matrix,
 * Pomeranz's recursion or the Pelz–Good expansion.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (Number.isNaN(x) || !Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf = n <= 140 ? productCdf(n, t) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));

  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - kolmogorovCdfDurbin(n, x));
    if (nx2 <= 4) return clip(1 - kolmogorovCdfPomeranz(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? kolmogorovCdfDurbin(n, x) : kolmogorovCdfPelzGood(n, x);
  return clip(1 - clip(cdf));
}

/** Ruben–Gambino for 1/2n < x ≤ 1/n: Πᵢ (i/n)(2t − 1), in scipy's order of operations. */
function productCdf(n: number, t: number): number {
  let product = 1;
  for (let i = 1; i <= n; i++) product *= i * (1 / n) * (2 * t - 1);
  return product;
}

/** log(n!/nⁿ) by Stirling's series with n log n removed up front. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let series = 0;
  for (const c of STIRLING) series = series * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * series;
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}
