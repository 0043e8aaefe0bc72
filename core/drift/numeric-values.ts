import type { CompactNumbers } from '../numeric/compact-numbers.js';
import type { SelectableArray } from '../numeric/select-quantile.js';
import { sortFloat64, sortInt32 } from './stats/index.js';

/**
 * A numeric column's values as the drift engine keeps them: the fixed-size chunks they were collected
 * in, often scaled 32-bit integers (half the memory of doubles). Never joined into one array of their
 * own: sorting goes through a buffer shared by every column and writes back into the chunks, and
 * doubles are made one column at a time — so a column costs its values once, not twice while a copy
 * is made and the chunks wait for the garbage collector. Plain fields, so the values cross threads by
 * structured clone with their buffers transferred (see `revive` and `buffers`).
 */
export class NumericValues {
  constructor(
    readonly chunks: SelectableArray[],
    readonly length: number,
    /** Each stored m stands for m / scale. */
    readonly scale: number,
    private sorted = false,
  ) {}

  static from(numbers: CompactNumbers): NumericValues {
    const { chunks, length, scale } = numbers.takeChunks();
    return new NumericValues(chunks, length, scale);
  }

  /** A NumericValues that crossed threads as a plain object. */
  static revive(plain: NumericValues): NumericValues {
    return new NumericValues(plain.chunks, plain.length, plain.scale, plain.sorted);
  }

  /** The memory to transfer when posting these values to another thread. */
  buffers(): ArrayBuffer[] {
    return [...new Set(this.chunks.map((chunk) => chunk.buffer as ArrayBuffer))];
  }

  /**
   * Sorts the values ascending, in place (drift never needs their order). Scaled integers sort as
   * integers (m ↦ m / 10^k keeps the order), several times faster than doubles.
   */
  sort(): this {
    if (this.sorted || this.chunks.length === 0) return this;
    const joined = sharedBuffer(this.chunks[0] instanceof Int32Array, this.length);
    this.copyChunks((chunk, at) => joined.set(chunk, at));
    if (joined instanceof Int32Array) sortInt32(joined);
    else sortFloat64(joined);
    this.copyChunks((chunk, at) => chunk.set(joined.subarray(at, at + chunk.length)));
    this.sorted = true;
    return this;
  }

  /** The values ascending, as doubles, written into `into` (at least `length` long) or a new array. */
  sortedDoubles(into?: Float64Array): Float64Array {
    this.sort();
    const out = into ? into.subarray(0, this.length) : new Float64Array(this.length);
    const scale = this.scale;
    this.copyChunks((chunk, at) => {
      if (scale === 1) out.set(chunk, at);
      else for (let i = 0; i < chunk.length; i++) out[at + i] = chunk[i]! / scale;
    });
    return out;
  }

  private copyChunks(copy: (chunk: SelectableArray, at: number) => void): void {
    let at = 0;
    for (const chunk of this.chunks) {
      copy(chunk, at);
      at += chunk.length;
    }
  }
}

let intBuffer = new Int32Array(0);
let doubleBuffer = new Float64Array(0);

/** One buffer per element type for every column sorted on this thread; only the longest column's size. */
function sharedBuffer(integers: boolean, length: number): SelectableArray {
  if (integers) {
    if (intBuffer.length < length) intBuffer = new Int32Array(length);
    return intBuffer.subarray(0, length);
  }
  if (doubleBuffer.length < length) doubleBuffer = new Float64Array(length);
  return doubleBuffer.subarray(0, length);
}
