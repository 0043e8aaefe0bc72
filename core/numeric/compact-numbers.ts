import type { SelectableArray } from './select-quantile.js';

const CHUNK = 1 << 16;
const INT32_MAX = 2 ** 31 - 1;
const MAX_SCALE_DIGITS = 9;

/**
 * A column's numbers kept for an exact order statistic, in half the memory when they allow: values
 * that are decimals with few digits (12, 0.5, 1013.25) are stored as 32-bit integers m with x = m / 10^k
 * for one k per column — only when dividing gives back exactly the same double, so nothing is
 * rounded. Anything else (more digits, huge values, infinities) switches the column to doubles.
 * Fixed-size chunks avoid the doubling array's 2× over-allocation.
 */
export class CompactNumbers {
  private chunks: SelectableArray[] = [];
  private current: SelectableArray = new Int32Array(CHUNK);
  private used = 0;
  private digits = 0;
  private scale = 1;
  private maxAbs = 0;
  private wide = false;
  length = 0;

  push(x: number): void {
    if (!this.wide) {
      // Fast path: the value fits the current scale (almost always, after the first few).
      const m = Math.round(x * this.scale);
      if (m / this.scale === x && m <= INT32_MAX && m >= -INT32_MAX) {
        const magnitude = m < 0 ? -m : m;
        if (magnitude > this.maxAbs) this.maxAbs = magnitude;
        this.store(m);
        return;
      }
      if (this.pushScaled(x)) return;
      this.widen();
    }
    this.store(x);
  }

  /** `push` for the first `count` values of an array: the fast path runs as one loop with local state. */
  pushAll(values: Float64Array, count: number): void {
    let i = 0;
    while (i < count && !this.wide) {
      const scale = this.scale;
      const start = i;
      let maxAbs = this.maxAbs;
      let current = this.current;
      let used = this.used;
      for (; i < count; i++) {
        const x = values[i]!;
        const m = Math.round(x * scale);
        if (m / scale !== x || m > INT32_MAX || m < -INT32_MAX) break;
        if (used === CHUNK) {
          this.chunks.push(current);
          current = this.current = new Int32Array(CHUNK);
          used = 0;
        }
        current[used++] = m;
        const magnitude = m < 0 ? -m : m;
        if (magnitude > maxAbs) maxAbs = magnitude;
      }
      this.used = used;
      this.maxAbs = maxAbs;
      this.length += i - start;
      // A value that needs more digits (or doubles) takes the general path; then the loop resumes.
      if (i < count) this.push(values[i++]!);
    }
    for (; i < count; i++) this.store(values[i]!);
  }

  private pushScaled(x: number): boolean {
    for (let digits = this.digits + 1; digits <= MAX_SCALE_DIGITS; digits++) {
      const scale = 10 ** digits;
      const m = Math.round(x * scale);
      if (m / scale !== x || Math.abs(m) > INT32_MAX) continue;
      if (!this.rescale(digits)) return false;
      this.maxAbs = Math.max(this.maxAbs, Math.abs(m));
      this.store(m);
      return true;
    }
    return false;
  }

  /** More decimal digits for every stored value, if they all still fit in 32 bits. */
  private rescale(digits: number): boolean {
    const factor = 10 ** (digits - this.digits);
    if (this.maxAbs * factor > INT32_MAX) return false;
    for (const chunk of [...this.chunks, this.current])
      for (let i = 0; i < chunk.length; i++) chunk[i] = chunk[i]! * factor;
    this.maxAbs *= factor;
    this.digits = digits;
    this.scale = 10 ** digits;
    return true;
  }

  private widen(): void {
    const toDoubles = (chunk: SelectableArray) => Float64Array.from(chunk, (m) => m / this.scale);
    this.chunks = this.chunks.map(toDoubles);
    const current = new Float64Array(CHUNK);
    current.set(toDoubles(this.current.subarray(0, this.used)));
    this.current = current;
    this.scale = 1;
    this.wide = true;
  }

  private store(value: number): void {
    if (this.used === CHUNK) {
      this.chunks.push(this.current);
      this.current = this.wide ? new Float64Array(CHUNK) : new Int32Array(CHUNK);
      this.used = 0;
    }
    this.current[this.used++] = value;
    this.length++;
  }

  /**
   * Every value in one array, with the divisor that reads them as numbers; the chunks are released.
   * The array is a shared scratch buffer, valid until the next `take()` anywhere: the checks select
   * their statistic from it at once, one after another, so a run allocates one big array, not one per check.
   */
  take(): { values: SelectableArray; scale: number } {
    return this.copyInto(scratch(this.wide, this.length));
  }

  /** Like `take()`, into an array of its own (for a caller that keeps the values). */
  takeOwned(): { values: SelectableArray; scale: number } {
    return this.copyInto(this.wide ? new Float64Array(this.length) : new Int32Array(this.length));
  }

  /**
   * The values as they were collected, in chunks (the last one cut to length), without copying them;
   * this object is emptied.
   */
  takeChunks(): { chunks: SelectableArray[]; length: number; scale: number } {
    const chunks = [...this.chunks, this.current.subarray(0, this.used)].filter((c) => c.length > 0);
    this.chunks = [];
    this.current = new Int32Array(0);
    this.used = 0;
    return { chunks, length: this.length, scale: this.scale };
  }

  private copyInto(values: SelectableArray): { values: SelectableArray; scale: number } {
    let at = 0;
    for (const chunk of this.chunks) {
      values.set(chunk, at);
      at += chunk.length;
    }
    values.set(this.current.subarray(0, this.used), at);
    this.chunks = [];
    this.current = new Int32Array(0);
    return { values, scale: this.scale };
  }
}

let intScratch = new Int32Array(0);
let doubleScratch = new Float64Array(0);

function scratch(wide: boolean, length: number): SelectableArray {
  if (wide) {
    if (doubleScratch.length < length) doubleScratch = new Float64Array(length);
    return doubleScratch.subarray(0, length);
  }
  if (intScratch.length < length) intScratch = new Int32Array(length);
  return intScratch.subarray(0, length);
}
