/**
 * P(U ≥ u) for the Mann–Whitney U of samples of sizes m and n without ties, under the null
 * hypothesis — scipy 1.10's `_mwu_state.sf(u, m, n)`.
 *
 * The number of arrangements giving U = j is the coefficient of q^j in the Gaussian binomial
 * [m+n choose s]_q = ∏_{i=1..s} (1 − q^{l+i}) / (1 − q^i) with s = min(m, n), l = max(m, n). By
 * symmetry P(U ≥ u) = P(U ≤ mn − u), so only coefficients up to k = mn − u are built: O(s·k)
 * instead of scipy's O(m·n·k) recursion, which matters when one sample has millions of values.
 * Counts are exact integers while they stay below 2^53, so small cases match scipy bit for bit.
 */
export function mannWhitneyExactSf(u: number, m: number, n: number): number {
  const k = m * n - u;
  if (k < 0) return 0;
  const s = Math.min(m, n);
  const l = Math.max(m, n);
  const counts = new Float64Array(k + 1);
  counts[0] = 1;
  for (let i = 1; i <= s; i++) {
    // Dividing by (1 − q^i) first keeps every intermediate coefficient positive: the following
    // multiplication by (1 − q^{l+i}) is then one subtraction of a smaller positive number.
    for (let j = i; j <= k; j++) counts[j]! += counts[j - i]!;
    for (let j = k; j >= l + i; j--) counts[j]! -= counts[j - l - i]!;
  }
  const total = binomial(m + n, s);
  // scipy divides each count by the total, then accumulates the probabilities in order.
  let cdf = 0;
  for (let j = 0; j <= k; j++) cdf += counts[j]! / total;
  return cdf;
}

/** C(n, k) for small k the way scipy.special.binom computes it: a running product, divided once. */
function binomial(n: number, k: number): number {
  let numerator = 1;
  let denominator = 1;
  for (let i = 1; i <= k; i++) {
    numerator *= i + n - k;
    denominator *= i;
    if (Math.abs(numerator) > 1e50) {
      numerator /= denominator;
      denominator = 1;
    }
  }
  return numerator / denominator;
}
