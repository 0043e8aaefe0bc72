/** `np.linspace(start, stop, count)`: i·step + start, with the last edge exactly `stop`. */
export function linspace(start: number, stop: number, count: number): Float64Array {
  const edges = new Float64Array(count);
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) edges[i] = i * step + start;
  edges[count - 1] = stop;
  return edges;
}

/**
 * Equal-width edges as `np.histogram_bin_edges(values, bins)` gives them: over [min, max] of both
 * samples, widened by ±0.5 when every value is equal.
 */
export function binEdges(min: number, max: number, bins: number): Float64Array {
  return min === max ? linspace(min - 0.5, max + 0.5, bins + 1) : linspace(min, max, bins + 1);
}

/**
 * Counts per bin of ascending values, as `np.histogram(values, edges)` bins them: [edge_i, edge_i+1),
 * the last bin closed on the right, values outside the edges dropped. On sorted data each count is the
 * distance between two binary searches, so a million values cost a few dozen probes, not a pass.
 */
export function sortedHistogramCounts(sorted: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let from = firstFrom(sorted, edges[0]!, 0, false);
  for (let i = 0; i < bins; i++) {
    // Bins are half-open but the last, which keeps values equal to its right edge.
    const to = firstFrom(sorted, edges[i + 1]!, from, i === bins - 1);
    counts[i] = to - from;
    from = to;
  }
  return counts;
}

/** Index of the first value ≥ x (> x when `strictly`), or the length; searching from `from`. */
function firstFrom(sorted: Float64Array, x: number, from: number, strictly: boolean): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x || (strictly && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sturges' rule, as numpy's `bins="sturges"`: ⌈log2 n⌉ + 1 bins for n values. */
export function sturgesBins(n: number): number {
  return Math.ceil(Math.log2(n)) + 1;
}
