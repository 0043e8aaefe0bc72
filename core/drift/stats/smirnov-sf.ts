import { logGamma } from './special.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Cephes' MINLOG, log of the smallest normal double. */
const MIN_LOG = -708.3964185322641;
/** scipy's SMIRNOV_MAX_COMPUTE_N. */
const MAX_EXACT_N = 1_000_000;

/**
 * P(D⁺ₙ ≥ x), the one-sided Kolmogorov–Smirnov (Smirnov) tail for a sample of n, exactly, by the
 * Birnbaum–Tingey sum Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) x (x + v/n)^{v−1} (1 − x − v/n)^{n−v}
 * (scipy.special.smirnov, also in its shortcuts for huge n and far tails). Term v is (x/pᵥ) times the binomial probability b(v; n, pᵥ) with
 * pᵥ = x + v/n, which Loader's saddle-point form gives to full relative precision even for n in the
 * millions (the plain log form would carry n-sized logarithms and lose ten digits). Terms are
 * unimodal in v, so the sum starts at the largest and stops each way once they drop below 1e-20 of
 * it.
 */
export function smirnovSf(n: number, x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (n === 1) return 1 - x;
  // scipy's shortcuts, kept so results match it: a tail below exp(MIN_LOG) is 0, and for n above
  // a million it uses the approximation exp(−(6nx + 1)²/18n) instead of the sum.
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (n > MAX_EXACT_N) return Math.exp(-((6 * n * x + 1) ** 2) / 18 / n);
  const last = Math.floor(n * (1 - x));
  const nx = n * x;
  const stirlingN = stirlingError(n);
  const logTerm = (v: number): number => {
    if (v === 0) return n * Math.log1p(-x);
    const rest = n - v - nx; // n(1 − pᵥ)
    // The last term can sit exactly on 1 − x − v/n = 0, where (1 − x − v/n)^(n−v) vanishes.
    if (rest <= 0) return -Infinity;
    const logBinomial =
      stirlingN -
      stirlingError(v) -
      stirlingError(n - v) -
      deviance(v, nx + v) -
      deviance(n - v, rest) +
      0.5 * Math.log(n / (v * (n - v))) -
      LOG_SQRT_2PI;
    return Math.log(nx / (nx + v)) + logBinomial;
  };

  // A coarse scan, then a fine one around its best point, finds the largest term.
  const step = Math.max(1, Math.floor(last / 64));
  let peak = 0;
  let best = -Infinity;
  const consider = (v: number): void => {
    const value = logTerm(v);
    if (value > best) {
      best = value;
      peak = v;
    }
  };
  for (let v = 0; v <= last; v += step) consider(v);
  const around = peak;
  for (let v = Math.max(0, around - step); v <= Math.min(last, around + step); v++) consider(v);

  const floor = best + Math.log(1e-20);
  let sum = 0;
  for (let v = peak; v <= last; v++) {
    const value = logTerm(v);
    if (value < floor) break;
    sum += Math.exp(value - best);
  }
  for (let v = peak - 1; v >= 0; v--) {
    const value = logTerm(v);
    if (value < floor) break;
    sum += Math.exp(value - best);
  }
  return Math.exp(best) * sum;
}

/** log(k!) − log(√(2πk) (k/e)ᵏ), by Stirling's series from k = 15 on (Loader 2000). */
function stirlingError(k: number): number {
  if (k < 15) return logGamma(k + 1) - (k + 0.5) * Math.log(k) + k - LOG_SQRT_2PI;
  const k2 = k * k;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / k2) / k2) / k2) / k2) / k;
}

/**
 * k log(k/m) + m − k, the binomial deviance term, by its series in (k − m)/(k + m) when k and m are
 * close, where the plain form would cancel (Loader 2000).
 */
function deviance(k: number, m: number): number {
  if (Math.abs(k - m) < 0.1 * (k + m)) {
    const v = (k - m) / (k + m);
    let sum = (k - m) * v;
    let power = 2 * k * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      power *= v2;
      const next = sum + power / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return k * Math.log(k / m) + m - k;
}
