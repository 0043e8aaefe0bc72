import { sortedMedian, sortedQuantile } from './sorted-quantile.js';

/** Values to select from: doubles, or scaled integers (see CompactNumbers) read back through `scale`. */
export type SelectableArray = Float64Array | Int32Array;

/**
 * Moves the k-th smallest value to index k, smaller ones before it and larger ones after
 * (Hoare partitioning around a median-of-three pivot). O(n) on average, against O(n log n) for a full
 * sort — a quantile check needs only one or two order statistics. Reorders `values` in place.
 */
export function select(values: SelectableArray, k: number): void {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot keeps sorted or reversed input linear.
    const pivot = medianOfThree(values[lo]!, values[mid]!, values[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a > b) [a, b] = [b, a];
  return c <= a ? a : c >= b ? b : c;
}

/** The smallest value in values[from, end). */
function minFrom(values: SelectableArray, from: number): number {
  let min = values[from]!;
  for (let i = from + 1; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/** The two order statistics around position `index` (floor and the next), as a 2-element sorted array. */
function neighbours(values: SelectableArray, index: number, scale: number): Float64Array {
  const lo = Math.floor(index);
  select(values, lo);
  const pair = new Float64Array(2);
  pair[0] = values[lo]! / scale;
  pair[1] = (lo + 1 < values.length ? minFrom(values, lo + 1) : values[lo]!) / scale;
  return pair;
}

/**
 * numpy's linear-interpolation quantile of unsorted values (reorders them), without sorting. Scaled
 * integers are divided by `scale` before interpolating, which gives back the exact doubles they hold.
 */
export function selectQuantile(values: SelectableArray, q: number, scale = 1): number {
  const index = q * (values.length - 1);
  const pair = neighbours(values, index, scale);
  // sortedQuantile on the pair with the same fractional position gives numpy's exact lerp.
  return sortedQuantile(pair, index - Math.floor(index));
}

/** numpy's median of unsorted values (reorders them), without sorting. */
export function selectMedian(values: SelectableArray, scale = 1): number {
  const n = values.length;
  if (n % 2 === 1) {
    select(values, n >> 1);
    return values[n >> 1]! / scale;
  }
  return sortedMedian(neighbours(values, n / 2 - 1, scale));
}
