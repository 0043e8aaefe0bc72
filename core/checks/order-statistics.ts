import { CompactNumbers } from '../numeric/compact-numbers.js';
import type { NumberSink } from './numeric-column.js';
import { select, selectMedian, selectQuantile, type SelectableArray } from '../numeric/select-quantile.js';
import { sortedMedian, sortedQuantile } from '../numeric/sorted-quantile.js';

const BUCKETS = 1 << 16;

/**
 * A column's numbers kept for exact order statistics (median, quantiles): the values themselves
 * (compactly, see CompactNumbers) and a histogram of them over the span of the first chunk, counted as
 * they arrive — while the reader is still parsing. At the end the histogram tells which bucket holds
 * the wanted rank, so only that bucket's values are gathered and selected among: one pass of integer
 * comparisons, where selecting among all values moves each several times. Buckets are a monotonic
 * function of the value (values outside the first span go to the end buckets), so ranks stay exact.
 */
export class OrderStatistics implements NumberSink {
  private readonly numbers = new CompactNumbers();
  // Fields keep one type from construction on (an array, doubles), so V8 never has to migrate
  // these objects to a new shape mid-stream, which would throw away the optimized code using them.
  private counts = new Uint32Array(0);
  private low = NaN;
  private perUnit = NaN;
  private decided = false;

  get length(): number {
    return this.numbers.length;
  }

  pushAll(values: Float64Array, count: number): void {
    if (!this.decided) this.chooseBuckets(values, count);
    const counts = this.counts;
    if (counts.length > 0) {
      const { low, perUnit } = this;
      for (let i = 0; i < count; i++) counts[bucketOf(values[i]!, low, perUnit)]!++;
    }
    this.numbers.pushAll(values, count);
  }

  /** numpy's median (the two middle values averaged when the count is even); undefined when empty. */
  median(): number | undefined {
    const n = this.length;
    if (n === 0) return undefined;
    if (this.counts.length === 0) return this.selectAll((values, scale) => selectMedian(values, scale));
    const pair = this.neighbours((n - 1) >> 1);
    return n % 2 === 1 ? pair[0]! : sortedMedian(pair);
  }

  /** numpy's linearly interpolated q quantile; undefined when empty. */
  quantile(q: number): number | undefined {
    const n = this.length;
    if (n === 0) return undefined;
    if (this.counts.length === 0) return this.selectAll((values, scale) => selectQuantile(values, q, scale));
    const index = q * (n - 1);
    // sortedQuantile on the pair with the same fractional position gives numpy's exact lerp.
    return sortedQuantile(this.neighbours(Math.floor(index)), index - Math.floor(index));
  }

  private selectAll(choose: (values: SelectableArray, scale: number) => number): number {
    const { values, scale } = this.numbers.take();
    return choose(values, scale);
  }

  /** Buckets over the first chunk's span; a chunk of one value (or infinities) has none to give. */
  private chooseBuckets(values: Float64Array, count: number): void {
    this.decided = true;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const perUnit = BUCKETS / (max - min);
    if (!Number.isFinite(perUnit) || perUnit <= 0) return;
    this.low = min;
    this.perUnit = perUnit;
    this.counts = new Uint32Array(BUCKETS);
  }

  /** The values of rank k and k + 1 (the last one again when k is last), as numbers. */
  private neighbours(k: number): Float64Array {
    const counts = this.counts;
    const next = Math.min(k + 1, this.length - 1);
    const first = locate(counts, k);
    const second = locate(counts, next);
    const { chunks, scale } = this.numbers.takeChunks();
    const pair = new Float64Array(2);
    const members = this.gather(chunks, scale, first.bucket, counts[first.bucket]!);
    select(members, first.rank);
    pair[0] = members[first.rank]! / scale;
    if (second.bucket === first.bucket) {
      // The next rank in the same bucket: the smallest value after k once k is in place.
      let following = members[first.rank]!;
      if (second.rank > first.rank) {
        following = members[second.rank]!;
        for (let i = second.rank + 1; i < members.length; i++)
          if (members[i]! < following) following = members[i]!;
      }
      pair[1] = following / scale;
    } else {
      const others = this.gather(chunks, scale, second.bucket, counts[second.bucket]!);
      select(others, second.rank);
      pair[1] = others[second.rank]! / scale;
    }
    return pair;
  }

  /** The stored values (scaled as stored) whose numbers fall in `bucket`. */
  private gather(chunks: SelectableArray[], scale: number, bucket: number, size: number): SelectableArray {
    // As compact as the values are kept: a skewed column can put most of them in one bucket.
    const members = chunks.every((c) => c instanceof Int32Array)
      ? new Int32Array(size)
      : new Float64Array(size);
    const { low, perUnit } = this;
    let at = 0;
    for (const chunk of chunks) {
      if (chunk instanceof Int32Array) {
        // Scaled integers: the bucket's members are a range of integers, found once, so the pass
        // compares integers instead of dividing every value by the scale.
        const [from, to] = integerRange(bucket, scale, low, perUnit);
        for (let i = 0; i < chunk.length; i++) {
          const m = chunk[i]!;
          if (m >= from && m <= to) members[at++] = m;
        }
      } else {
        for (let i = 0; i < chunk.length; i++)
          if (bucketOf(chunk[i]!, low, perUnit) === bucket) members[at++] = chunk[i]!;
      }
    }
    return members;
  }
}

function bucketOf(value: number, low: number, perUnit: number): number {
  const bucket = Math.floor((value - low) * perUnit);
  return bucket < 0 ? 0 : bucket >= BUCKETS ? BUCKETS - 1 : bucket;
}

/** The bucket holding rank k, and k's rank within it. */
function locate(counts: Uint32Array, k: number): { bucket: number; rank: number } {
  let before = 0;
  let bucket = 0;
  while (before + counts[bucket]! <= k) before += counts[bucket++]!;
  return { bucket, rank: k - before };
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The scaled integers m whose numbers m / scale fall in `bucket` (bucketOf is monotonic in m). */
function integerRange(bucket: number, scale: number, low: number, perUnit: number): [number, number] {
  const at = (m: number) => bucketOf(m / scale, low, perUnit);
  // Smallest m with at(m) >= bucket, and smallest m with at(m) > bucket.
  const firstAtLeast = (b: number) => {
    let lo = INT32_MIN;
    let hi = INT32_MAX + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) >= b) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return [firstAtLeast(bucket), firstAtLeast(bucket + 1) - 1];
}
