/**
 * Special functions behind the drift tests' p-values, accurate to about 1e-14 relative (checked
 * against scipy.special and mpmath in test/core/drift/stats/special.test.ts). Each one follows the
 * same route through floating point as scipy where that route decides the last digits (the normal
 * tail rounds x/√2 and exp(−z²) exactly as Cephes' ndtr does), and otherwise avoids cancellation:
 * series around the zeros of log Γ, the Stirling correction instead of differences of huge log Γ,
 * and log(1 + d) − d by its own series.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EULER_GAMMA = 0.5772156649015329;
const EPSILON = Number.EPSILON;
/** Lentz's replacement for a zero denominator. */
const TINY = 1e-300;
/** log(Number.MAX_VALUE): Cephes' erfc returns 0 once exp(−z²) would be subnormal, and so does this. */
const MAX_LOG = 709.782712893384;

/** Φ(x), the standard normal CDF (scipy.special.ndtr). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const t = x * Math.SQRT1_2;
  const z = Math.abs(t);
  if (z < Math.SQRT1_2) return 0.5 + 0.5 * erfSmall(t);
  const half = 0.5 * erfcLarge(z);
  return t > 0 ? 1 - half : half;
}

/** 1 − Φ(x) without cancellation in the upper tail (scipy.stats.norm.sf, which is ndtr(−x)). */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** erf(x) for |x| < 1 by its Taylor series; the terms shrink from the first, so there is no cancellation to speak of. */
function erfSmall(x: number): number {
  const x2 = x * x;
  let power = x;
  let sum = x;
  for (let n = 1; n < 40; n++) {
    power *= -x2 / n;
    const term = power / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/**
 * erfc(z) for z ≥ 1 as exp(−z²) · erfcx(z), with erfcx from its continued fraction
 * 1/√π · 1/(z + ½/(z + 1/(z + ³⁄₂/(z + …)))) evaluated backwards; the depth needed falls like 1/z²
 * (about 200 terms at z = 1, 20 at z = 4, found to reach full precision).
 */
function erfcLarge(z: number): number {
  const z2 = z * z;
  if (z2 > MAX_LOG) return 0;
  const e = Math.exp(-z2);
  const depth = Math.ceil(220 / (z * z)) + 12;
  let f = z;
  for (let n = depth; n >= 1; n--) f = z + n / 2 / f;
  return e / (SQRT_PI * f);
}

/** B₂ₖ / (2k(2k − 1)), the coefficients of the Stirling series, k = 1…8 (exact rationals). */
const STIRLING = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510].map(
  (bernoulli, i) => bernoulli / ((2 * i + 2) * (2 * i + 1)),
);

/**
 * δ(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π) for x ≥ 10, by the Stirling series; the first
 * omitted term is below 2e-18 there.
 */
function stirlingCorrection(x: number): number {
  const inv2 = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * inv2 + STIRLING[k]!;
  return sum / x;
}

/**
 * ζ(k) − 1 for k = 0…40 (entries 0 and 1 unused): summed to n = 19, the rest by Euler–Maclaurin
 * (error below 1e-19).
 */
const ZETA_MINUS_ONE = (() => {
  const values = [NaN, NaN];
  const N = 20;
  const bernoulli = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730];
  for (let k = 2; k <= 40; k++) {
    // Euler–Maclaurin tail Σ_{n≥N} n^-k.
    let tail = N ** (1 - k) / (k - 1) + N ** -k / 2;
    let rising = k; // k(k+1)…(k+2j−2)
    let factorial = 2; // (2j)!
    for (let j = 1; j <= bernoulli.length; j++) {
      tail += (bernoulli[j - 1]! / factorial) * rising * N ** (-k - 2 * j + 1);
      rising *= (k + 2 * j - 1) * (k + 2 * j);
      factorial *= (2 * j + 1) * (2 * j + 2);
    }
    let sum = tail;
    for (let n = N - 1; n >= 2; n--) sum += n ** -k;
    values.push(sum);
  }
  return values;
})();

/** (−1)ᵏ (ζ(k) − 1)/k for k = 2…40, the Taylor coefficients of log Γ(2 + t) beyond the linear term. */
const LOG_GAMMA_2_SERIES = ZETA_MINUS_ONE.slice(2).map((z, i) => ((i % 2 === 0 ? 1 : -1) * z) / (i + 2));

/** log Γ(2 + t) for |t| ≤ ½: (1 − γ)t + Σ (−1)ᵏ(ζ(k) − 1)tᵏ/k, terms below (t/2)ᵏ. */
function logGammaNear2(t: number): number {
  let sum = 0;
  for (let i = LOG_GAMMA_2_SERIES.length - 1; i >= 0; i--) sum = sum * t + LOG_GAMMA_2_SERIES[i]!;
  return t * (1 - EULER_GAMMA + t * sum);
}

/** log Γ(1 + t) for |t| ≤ ½, accurate in relative terms even next to the zero at t = 0. */
function logGamma1p(t: number): number {
  return logGammaNear2(t) - Math.log1p(t);
}

/**
 * log |Γ(x)| (scipy.special.gammaln); +∞ at 0 and the negative integers. Series around the zeros
 * at 1 and 2 keep the relative error small there, the recurrence brings (2.5, 10) down to them, and
 * the Stirling series covers x ≥ 10; negative x go through the reflection formula.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    // Γ(−q)Γ(q) = −π / (q sin πq), with q = −x exact and sin πq from an exactly reduced argument.
    const q = -x;
    let r = q - Math.floor(q);
    if (r > 0.5) r = 1 - r;
    return Math.log(Math.PI / Math.abs(q * Math.sin(Math.PI * r))) - logGamma(q);
  }
  if (x < 0.5) return logGamma1p(x) - Math.log(x);
  if (x < 1.5) return logGamma1p(x - 1);
  if (x <= 2.5) return logGammaNear2(x - 2);
  if (x < 10) {
    // Γ(x) = (x − 1)(x − 2)…(x − n) Γ(x − n); every x − i is exact below 16.
    let product = 1;
    let y = x;
    while (y > 2.5) {
      y -= 1;
      product *= y;
    }
    return logGammaNear2(y - 2) + Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
}

/** log(1 + d) − d for |d| ≤ ¼ by its series, where the difference would cancel. */
function log1pMinusX(d: number): number {
  let power = d;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    power *= -d;
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(sum)) break;
  }
  return sum;
}

/**
 * log(xᵃ e⁻ˣ / Γ(a)), the factor in front of both incomplete gamma expansions. For a ≥ 10 it is
 * rewritten as a·(log(1 + d) − d) + ½ log(a / 2π) − δ(a) with d = (x − a)/a, so the huge terms
 * a log x, x and log Γ(a) never cancel each other.
 */
function logGammaPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  const d = (x - a) / a;
  // Near x = a the series of log(1 + d) − d; farther out log(x/a) directly, since 1 + d would
  // lose the digits of x/a when x ≪ a.
  const scaled = Math.abs(d) <= 0.25 ? a * log1pMinusX(d) : a * Math.log(x / a) - (x - a);
  return scaled + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingCorrection(a);
}

/** P(a, x) by its power series (DLMF 8.11.4); converges for every x, quickly when x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 10_000_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= EPSILON * 0.25 * sum) break;
  }
  return (Math.exp(logGammaPrefactor(a, x)) / a) * sum;
}

/** Q(a, x) by its continued fraction (DLMF 8.9.2, Lentz's method); for x ≥ a + 1. */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON * 0.5) break;
  }
  return Math.exp(logGammaPrefactor(a, x)) * h;
}

/**
 * Q(a, x) for a < 1 and x < 2, where P is close to 1 and 1 − P would cancel: from
 * γ(a, x) = xᵃ Σ (−x)ⁿ / (n!(a + n)),
 * Q = −expm1(a log x − log Γ(1 + a)) − xᵃ/Γ(1 + a) · a Σₙ≥₁ (−x)ⁿ / (n!(a + n)).
 */
function gammaQSmallA(a: number, x: number): number {
  const u = a * Math.log(x) - logGamma1p(a);
  let power = 1;
  let sum = 0;
  for (let n = 1; n < 200; n++) {
    power *= -x / n;
    const term = power / (a + n);
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(sum)) break;
  }
  return -Math.expm1(u) - Math.exp(u) * a * sum;
}

/** [P(a, x), Q(a, x)], each computed directly where it is the small one. */
function regularizedGamma(a: number, x: number): [number, number] {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0 || x < 0) return [NaN, NaN];
  if (a === 0) return x > 0 ? [1, 0] : [NaN, NaN];
  if (x === 0) return [0, 1];
  if (x === Infinity) return a === Infinity ? [NaN, NaN] : [1, 0];
  if (a === Infinity) return [0, 1];
  if (a < 1 && x < 2) {
    // Whichever of P and Q is below ½ is computed directly, the other as its complement.
    const q = gammaQSmallA(a, x);
    if (q < 0.5) return [1 - q, q];
    const p = gammaPSeries(a, x);
    return [p, 1 - p];
  }
  if (x < a + 1) {
    const p = gammaPSeries(a, x);
    return [p, 1 - p];
  }
  const q = gammaQContinuedFraction(a, x);
  return [1 - q, q];
}

/** P(a, x) = γ(a, x)/Γ(a), the regularized lower incomplete gamma function (scipy.special.gammainc). */
export function regularizedGammaP(a: number, x: number): number {
  return regularizedGamma(a, x)[0];
}

/** Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), accurate when small (scipy.special.gammaincc). */
export function regularizedGammaQ(a: number, x: number): number {
  return regularizedGamma(a, x)[1];
}

/** Upper tail of the χ² distribution with df degrees of freedom: Q(df/2, x/2) (scipy.special.chdtrc). */
export function chi2Sf(x: number, df: number): number {
  if (x < 0) return Number.isNaN(df) || df <= 0 ? NaN : 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/**
 * log B(a, b). When the larger argument is ≥ 10, log Γ(b) − log Γ(a + b) is taken as
 * −(b − ½) log(1 + a/b) − a log(a + b) + a + δ(b) − δ(a + b), free of the cancellation between two
 * huge log Γ values (a Student t with df = 400 000 needs B(200 000, ½) to full precision).
 */
function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return logGamma(small) + logGamma(large) - logGamma(small + large);
  const sum = small + large;
  const difference =
    -(large - 0.5) * Math.log1p(small / large) -
    small * Math.log(sum) +
    small +
    stirlingCorrection(large) -
    stirlingCorrection(sum);
  return logGamma(small) + difference;
}

/**
 * The continued fraction of I_x(a, b) (DLMF 8.17.22, Lentz's method) without its prefactor;
 * converges fast for x < (a + 1)/(a + b + 2).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let an = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    an = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + an * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON * 0.5) break;
  }
  return h;
}

/**
 * log(2 sinh(s/2)/s) = Σₖ eₖ s²ᵏ with eₖ = B₂ₖ/(2k·(2k)!) = (−1)ᵏ⁺¹ ζ(2k)/(k(2π)²ᵏ), k = 1…20
 * (ζ(2k) from the table above, which keeps the huge Bernoulli numbers out).
 */
const LOG_SINHC_SERIES = Array.from(
  { length: 20 },
  (_, i) =>
    ((i % 2 === 0 ? 1 : -1) * (1 + ZETA_MINUS_ONE[2 * i + 2]!)) / ((i + 1) * (2 * Math.PI) ** (2 * i + 2)),
);

/**
 * I_x(a, b) for large a and b ≤ 1 with x close to 1, where the continued fraction converges slowly
 * and loses digits (a Student t with df in the millions). With t = e⁻ˢ the integral becomes
 * ∫ e^{−Ts} s^{b−1} (2 sinh(s/2)/s)^{b−1} ds over s > u = −log x, T = a + (b − 1)/2; expanding the
 * last factor as Σ cₙ s²ⁿ gives
 *   I_x(a, b) = Γ(a + b)/(Γ(a) Tᵇ) · Σₙ cₙ Γ(b + 2n, Tu)/(Γ(b) T²ⁿ),
 * an expansion in 1/T² (the idea of DiDonato and Morris's BGRAT). The incomplete gammas follow from
 * Q(b, Tu) by the recurrence Γ(s + 1, X) = sΓ(s, X) + Xˢe⁻ˣ, which only adds positive terms.
 * Returns NaN when the series does not settle, so the caller can fall back.
 */
function incompleteBetaLargeA(a: number, b: number, u: number): number {
  const T = a + (b - 1) / 2;
  const X = T * u;
  // cₙ from exp((b − 1) Σ eₖ wᵏ): c₀ = 1, cₙ = (1/n) Σₖ k hₖ cₙ₋ₖ with hₖ = (b − 1)eₖ.
  const c = [1];
  let scaledGamma = regularizedGammaQ(b, X); // Γ(s, X)/(Γ(b) T^{s−b}), s = b
  let scaledPower = Math.exp(b * Math.log(X) - X - logGamma(b)); // Xˢe⁻ˣ/(Γ(b) T^{s−b})
  let sum = scaledGamma;
  const inverseT2 = 1 / (T * T);
  for (let n = 1; n <= LOG_SINHC_SERIES.length; n++) {
    let cn = 0;
    for (let k = 1; k <= n; k++) cn += k * (b - 1) * LOG_SINHC_SERIES[k - 1]! * c[n - k]!;
    cn /= n;
    c.push(cn);
    const s = b + 2 * n - 2;
    scaledGamma = ((s + 1) * s * scaledGamma + scaledPower * (s + 1 + X)) * inverseT2;
    scaledPower *= X * X * inverseT2;
    const term = cn * scaledGamma;
    sum += term;
    if (Math.abs(term) <= EPSILON * 0.25 * Math.abs(sum)) {
      // log Γ(a + b) − log Γ(a) = b log T − …: both logs are taken in the cancellation-free form.
      return Math.exp(logGamma(b) - logBeta(a, b) - b * Math.log(T)) * sum;
    }
  }
  return NaN;
}

/**
 * [I_x(a, b), 1 − I_x(a, b)] given both x and y = 1 − x, so a caller that knows y more precisely
 * than 1 − x (Student's t far out in the tail) keeps those digits. The prefactor xᵃ yᵇ / (a B(a, b))
 * uses log1p for whichever of log x, log y is near zero.
 */
export function incompleteBetaPair(a: number, b: number, x: number, y: number): [number, number] {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(x) || a <= 0 || b <= 0 || x < 0 || x > 1) {
    return [NaN, NaN];
  }
  if (x === 0) return [0, 1];
  if (y === 0) return [1, 0];
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const expansion = largeParameterExpansion(a, b, x, y, logX, logY);
  if (expansion) return expansion;
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const value = (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
    return [value, 1 - value];
  }
  const complement = (Math.exp(logFront) * betaContinuedFraction(b, a, y)) / b;
  return [1 - complement, complement];
}

/**
 * One parameter ≥ LARGE and the other ≤ 1, with x within the bulk of the large side: the
 * expansion above, for whichever of I and 1 − I it gives directly (I_y(b, a) = 1 − I_x(a, b)).
 * Its result is kept only when below 0.9, so the complement, taken by subtraction, loses at most
 * one digit; otherwise the continued fraction on the other side, fast there, gives the small value.
 */
function largeParameterExpansion(
  a: number,
  b: number,
  x: number,
  y: number,
  logX: number,
  logY: number,
): [number, number] | undefined {
  const LARGE = 30;
  if (a >= LARGE && b <= 1 && -logX <= 1) {
    const value = incompleteBetaLargeA(a, b, -logX);
    if (value < 0.9) return [value, 1 - value];
  } else if (b >= LARGE && a <= 1 && -logY <= 1) {
    const complement = incompleteBetaLargeA(b, a, -logY);
    if (complement < 0.9) return [1 - complement, complement];
  }
  return undefined;
}

/** I_x(a, b), the regularized incomplete beta function (scipy.special.betainc). */
export function regularizedIncompleteBeta(a: number, b: number, x: number): number {
  return incompleteBetaPair(a, b, x, 1 - x)[0];
}

/**
 * P(T > t) for Student's t with df degrees of freedom (scipy.special.stdtr(df, −t), which is what
 * scipy.stats.t.sf and ttest_ind use): ½ I_{df/(df+t²)}(df/2, ½) for t > 0, with x and 1 − x formed
 * separately as df/(df + t²) and t²/(df + t²). df = ∞ is the normal distribution.
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  const t2 = t * t;
  const denominator = df + t2;
  const [tail, rest] =
    denominator === Infinity ? [0, 1] : incompleteBetaPair(df / 2, 0.5, df / denominator, t2 / denominator);
  // tail = P(|T| > |t|); the far side adds the whole central part.
  return t > 0 ? 0.5 * tail : 0.5 + 0.5 * rest;
}
