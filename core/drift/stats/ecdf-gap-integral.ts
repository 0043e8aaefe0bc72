/**
 * ∫ |F_ref(x) − F_cur(x)|ᵖ dx for p = 1 or 2, the two empirical CDFs of sorted samples, in one merge
 * pass: between consecutive pooled values both CDFs are constant, so the integral is
 * Σ |i/n1 − j/n2|ᵖ · (next − current) — scipy's `_cdf_distance` without its sorts and searches. The
 * walk keeps the CDF gap as the exact integer |i·n2 − j·n1| and divides by (n1·n2)ᵖ once at the end;
 * the sum is compensated (Neumaier), so two million terms add up to within an ulp or two.
 */
export function ecdfGapIntegral(refSorted: Float64Array, curSorted: Float64Array, power: 1 | 2): number {
  const n1 = refSorted.length;
  const n2 = curSorted.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('the CDF distances need two non-empty samples');
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let current = Math.min(refSorted[0]!, curSorted[0]!);
  // Past the end of either sample the gap is constant until the other one ends: the final stretch
  // is handled by treating the finished sample's next value as +∞.
  while (i < n1 || j < n2) {
    while (i < n1 && refSorted[i]! <= current) i++;
    while (j < n2 && curSorted[j]! <= current) j++;
    const a = i < n1 ? refSorted[i]! : Infinity;
    const b = j < n2 ? curSorted[j]! : Infinity;
    const next = a < b ? a : b;
    if (next === Infinity) break;
    const gap = Math.abs(i * n2 - j * n1);
    const term = (power === 1 ? gap : gap * gap) * (next - current);
    const total = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
    sum = total;
    current = next;
  }
  const scale = n1 * n2;
  return (sum + compensation) / (power === 1 ? scale : scale * scale);
}
