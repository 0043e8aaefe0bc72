import { gaussLegendre } from './gauss-legendre.js';
import { logGamma } from './special.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Cephes' MINLOG, log of the smallest normal double. */
const MIN_LOG = -708.3964185322641;
/** scipy's SMIRNOV_MAX_COMPUTE_N. */
const MAX_EXACT_N = 1_000_000;

/** Terms below this index are always summed one by one. */
const EXACT_TERMS = 4096;
/** The quadrature needs the last terms to vanish like (1 − x − v/n)^(nx): nx at least this. */
const MIN_NX_FOR_QUADRATURE = 64;
// Computed on first use: every data thread loads this module, few ever test drift.
let gauss: ReturnType<typeof gaussLegendre> | undefined;
const gaussRule = () => (gauss ??= gaussLegendre(24));
const PIECES = 4;

/**
 * P(D⁺ₙ ≥ x), the one-sided Kolmogorov–Smirnov (Smirnov) tail for a sample of n — scipy.special.smirnov,
 * including its shortcuts for far tails and for n above a million. Exactly, it is the
 * Birnbaum–Tingey sum Σ_{v=0}^{⌊n(1−x)⌋} f(v), f(v) = C(n, v) x (x + v/n)^{v−1} (1 − x − v/n)^{n−v}.
 * Term v is (x/pᵥ) times the binomial probability b(v; n, pᵥ), pᵥ = x + v/n, which Loader's
 * saddle-point form gives to full relative precision for n in the millions (the plain log form would
 * carry n-sized logarithms and lose ten digits). With up to a million terms, all of similar size,
 * summing them costs ~50 ms, so beyond the first 4096 the sum is taken as an integral (see
 * `sumByQuadrature`), which costs ~1 ms and agrees with the full sum to ~1e-13.
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
  const logTerm = termLogarithm(n, x);
  if (last > 4 * EXACT_TERMS && n * x >= MIN_NX_FOR_QUADRATURE) return sumByQuadrature(n, x, logTerm);
  const logs = new Float64Array(last + 1);
  for (let v = 0; v <= last; v++) logs[v] = logTerm(v);
  return sumOfExponentials(logs);
}

/** v ↦ log f(v), for real v in [0, n(1 − x)]; −∞ where 1 − x − v/n ≤ 0. */
function termLogarithm(n: number, x: number): (v: number) => number {
  const nx = n * x;
  const stirlingN = stirlingError(n);
  return (v) => {
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
}

/**
 * Σ_{v<4096} f(v) term by term, plus Σ_{v≥4096} f(v) by the midpoint form of Euler–Maclaurin:
 * Σ_{v=a}^{L} f(v) = ∫_{a−½}^{L+½} f + f′(a − ½)/24 − …, where f′ at the top end vanishes (the
 * last terms fall off like (1 − x − v/n)^(nx)) and the next correction is below 1e-14 of the sum
 * (f varies on a scale of at least a). f(v) is, up to smooth factors, exp(−c n²/(2v(n − v))) with
 * c = nx²: smooth on scales ~v near 0 and ~(n − v) near n, so the integral is taken by 24-point
 * Gauss–Legendre on panels that double in width away from 0 and halve towards n.
 */
function sumByQuadrature(n: number, x: number, logTerm: (v: number) => number): number {
  const start = EXACT_TERMS - 0.5;
  const end = n - n * x; // where 1 − x − v/n reaches 0
  const bounds = [start];
  for (let b = 2 * start; b < n / 2; b *= 2) bounds.push(b);
  for (let gap = n / 2; n - gap < end; gap /= 2) bounds.push(n - gap);
  bounds.push(end);

  const logs = new Float64Array(EXACT_TERMS + (bounds.length - 1) * PIECES * gaussRule().nodes.length + 1);
  let at = 0;
  for (let v = 0; v < EXACT_TERMS; v++) logs[at++] = logTerm(v);
  for (let p = 0; p + 1 < bounds.length; p++) {
    // Each panel in PIECES parts: for large c the peak is narrow (width ~ n/√c) and needs them.
    const width = (bounds[p + 1]! - bounds[p]!) / PIECES;
    for (let piece = 0; piece < PIECES; piece++) {
      const half = width / 2;
      const middle = bounds[p]! + piece * width + half;
      const { nodes, weights } = gaussRule();
      for (let k = 0; k < nodes.length; k++) {
        logs[at++] = logTerm(middle + half * nodes[k]!) + Math.log(weights[k]! * half);
      }
    }
  }
  // f′(a − ½)/24 = f(a − ½)·(log f)′(a − ½)/24, the derivative from the neighbouring exact terms.
  const slope = logTerm(EXACT_TERMS) - logTerm(EXACT_TERMS - 1);
  const correction = logTerm(start) + Math.log(Math.abs(slope) / 24);
  logs[at] = slope > 0 ? correction : -Infinity;
  const total = sumOfExponentials(logs);
  return slope < 0 ? total - Math.exp(correction) : total;
}

/** Σ exp(logs[i]), scaled by the largest so neither overflow nor underflow spoils it. */
function sumOfExponentials(logs: Float64Array): number {
  let largest = -Infinity;
  for (let i = 0; i < logs.length; i++) if (logs[i]! > largest) largest = logs[i]!;
  if (largest === -Infinity) return 0;
  let sum = 0;
  for (let i = 0; i < logs.length; i++) sum += Math.exp(logs[i]! - largest);
  return Math.exp(largest) * sum;
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
