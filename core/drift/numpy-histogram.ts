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
 * Counts per bin exactly as `np.histogram(values, edges)` does for equal-width edges: each value's bin
 * from its offset, then nudged against the actual edges (floating-point rounding), the last bin
 * closed on the right.
 */
export function histogramCounts(values: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const first = edges[0]!;
  const last = edges[bins]!;
  const norm = bins / (last - first);
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (x < first || x > last) continue;
    let i = Math.trunc((x - first) * norm);
    if (i === bins) i--;
    if (x < edges[i]!) i--;
    else if (i !== bins - 1 && x >= edges[i + 1]!) i++;
    counts[i]!++;
  }
  return counts;
}

/** Sturges' rule, as numpy's `bins="sturges"`: ⌈log2 n⌉ + 1 bins for n values. */
export function sturgesBins(n: number): number {
  return Math.ceil(Math.log2(n)) + 1;
}
