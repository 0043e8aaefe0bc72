/** 2¹²⁸ and its exponent: intermediate results are rescaled by it to stay within double range. */
const SCALE_EXPONENT = 128;
const SCALE = 2 ** SCALE_EXPONENT;

/**
 * P(Dₙ ≤ d) for the one-sample Kolmogorov statistic, exactly, by Durbin's matrix method in the form
 * of Marsaglia, Tsang and Wang (2003), as scipy 1.10's `_kolmogn_DMTW`: with d = (k − h)/n,
 * 0 ≤ h < 1, it is n!/nⁿ times the (k, k) entry of Hⁿ for a (2k − 1)-square matrix H. The power is
 * taken by repeated squaring, with a separate binary exponent so nothing overflows. Cost O(k³ log n):
 * scipy calls it only where k is small.
 */
export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // First column v[j] = (1 − h^(j+1))/(j+1)!, last row its reverse; above the diagonal 1/(i−j+1)!.
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  v[m - 1] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * factorial;
  let power: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let row = i - 1; row < m; row++) power[row * m + i] = w[row - i + 1]!;
  }
  for (let row = 0; row < m; row++) power[row * m] = v[row]!;
  for (let column = 0; column < m; column++) power[(m - 1) * m + column] = v[m - 1 - column]!;

  let result: Float64Array = identity(m);
  let exponent = 0;
  let powerExponent = 0;
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      result = multiply(result, power, m);
      exponent += powerExponent;
    }
    power = multiply(power, power, m);
    powerExponent *= 2;
    if (Math.abs(power[(k - 1) * m + (k - 1)]!) > SCALE) {
      for (let i = 0; i < m * m; i++) power[i]! /= SCALE;
      powerExponent += SCALE_EXPONENT;
    }
  }

  let p = result[(k - 1) * m + (k - 1)]!;
  // Multiply by n!/nⁿ one factor at a time, rescaling on the way.
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      exponent -= SCALE_EXPONENT;
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent);
  return Math.min(Math.max(p, 0), 1);
}

/** p · 2^exponent without the power itself under- or overflowing first. */
export function ldexp(p: number, exponent: number): number {
  const half = Math.trunc(exponent / 2);
  return p * 2 ** half * 2 ** (exponent - half);
}

function identity(m: number): Float64Array {
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  return matrix;
}

/** Row-major m×m product, the inner loop running along rows of both operands. */
function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const product = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const factor = a[i * m + l]!;
      if (factor === 0) continue;
      for (let j = 0; j < m; j++) product[i * m + j]! += factor * b[l * m + j]!;
    }
  }
  return product;
}
