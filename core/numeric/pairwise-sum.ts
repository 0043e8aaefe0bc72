/** NumPy hands a contiguous reduction to its inner loop in buffers of this many elements. */
const BUFFER = 8192;
/** Below this many elements a buffer is summed with eight running totals instead of split again. */
const BLOCK = 128;

/**
 * Sums `values[0..length)` in exactly the order NumPy's `np.sum` uses for a contiguous float64
 * array: 8,192-element buffers added one after another, each summed pairwise (halves split on a
 * multiple of 8, blocks of at most 128 summed with eight interleaved totals). Same order, same
 * rounding, so statistics built on it agree with scipy to the last bit; pairwise summation is also
 * far more accurate than a running total (error grows with log n, not n).
 */
export function pairwiseSum(values: Float64Array, length: number = values.length): number {
  let total = 0;
  for (let start = 0; start < length; start += BUFFER) {
    total += sumRange(values, start, Math.min(BUFFER, length - start));
  }
  return total;
}

function sumRange(v: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < start + n; i++) sum += v[i]!;
    return sum;
  }
  if (n <= BLOCK) {
    let r0 = v[start]!;
    let r1 = v[start + 1]!;
    let r2 = v[start + 2]!;
    let r3 = v[start + 3]!;
    let r4 = v[start + 4]!;
    let r5 = v[start + 5]!;
    let r6 = v[start + 6]!;
    let r7 = v[start + 7]!;
    const unrolledEnd = start + n - (n % 8);
    let i = start + 8;
    for (; i < unrolledEnd; i += 8) {
      r0 += v[i]!;
      r1 += v[i + 1]!;
      r2 += v[i + 2]!;
      r3 += v[i + 3]!;
      r4 += v[i + 4]!;
      r5 += v[i + 5]!;
      r6 += v[i + 6]!;
      r7 += v[i + 7]!;
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + n; i++) sum += v[i]!;
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return sumRange(v, start, half) + sumRange(v, start + half, n - half);
}
