/**
 * The q quantile of sorted values with linear interpolation, exactly as numpy's default (and so
 * pandas') computes it, including numpy's two-sided lerp that keeps the result monotonic in q.
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const index = q * (n - 1);
  const lo = Math.floor(index);
  const a = sorted[lo]!;
  if (lo >= n - 1) return sorted[n - 1]!;
  const b = sorted[lo + 1]!;
  const t = index - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The median as numpy computes it: the middle value, or the mean of the two middle values. */
export function sortedMedian(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
