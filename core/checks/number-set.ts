/** Integer keys stay in a direct-indexed window while they fill at least 1/8 of its span. */
const DENSE_MIN_SPAN = 1 << 16;
const DENSE_MAX_SLOTS_PER_KEY = 8;

/**
 * A set of float64 keys over typed arrays, no boxed numbers, exact (keys compare by value; -0 equals
 * 0 and every NaN equals NaN, as in pandas). `add` returns 0 for a new key, 1 for its first repeat,
 * 2 for later repeats. Integer keys that lie close together (row ids, counters) are marked in a
 * window indexed by the key itself: one byte per key, and no hashing or cache miss per key. Other
 * keys, and all integers once they spread out, go to an open-addressing table of about 18 bytes a key.
 */
export class NumberSet {
  private keys = new Float64Array(1 << 12);
  /** 0 empty, 1 seen once, 2 repeated. */
  private marks = new Uint8Array(1 << 12);
  private mask = (1 << 12) - 1;
  size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);
  /** Marks of the integers `low + i` (0, 1, 2 as above); undefined once integers are hashed too. */
  private dense: Uint8Array | undefined = new Uint8Array(0);
  private low = 0;
  private denseKeys = 0;

  add(key: number): 0 | 1 | 2 {
    const dense = this.dense;
    if (dense !== undefined && Number.isInteger(key)) {
      const at = key - this.low;
      if (at >= 0 && at < dense.length) {
        const mark = dense[at]!;
        if (mark !== 0) {
          dense[at] = 2;
          return mark === 1 ? 1 : 2;
        }
        dense[at] = 1;
        this.denseKeys++;
        this.size++;
        return 0;
      }
      if (this.widen(key)) return this.add(key);
    }
    return this.addHashed(key);
  }

  /** Grows the window to cover `key` if the keys stay dense enough; else moves them to the table. */
  private widen(key: number): boolean {
    const dense = this.dense!;
    const empty = this.denseKeys === 0;
    const low = empty ? key : Math.min(this.low, key);
    const high = empty ? key : Math.max(this.low + dense.length - 1, key);
    const span = high - low + 1;
    const allowed = Math.max(DENSE_MIN_SPAN, (this.denseKeys + 1) * DENSE_MAX_SLOTS_PER_KEY);
    if (span <= allowed) {
      // Headroom on the side the keys grow, so sequential ids copy the window only log(n) times.
      const length = Math.min(allowed, Math.max(span * 2, DENSE_MIN_SPAN));
      const start = !empty && key < this.low ? high - length + 1 : low;
      const grown = new Uint8Array(length);
      if (!empty) grown.set(dense, this.low - start);
      this.dense = grown;
      this.low = start;
      return true;
    }
    this.dense = undefined;
    this.size -= this.denseKeys;
    for (let i = 0; i < dense.length; i++) {
      if (dense[i] === 0) continue;
      this.addHashed(this.low + i);
      if (dense[i] === 2) this.addHashed(this.low + i);
    }
    return false;
  }

  private addHashed(key: number): 0 | 1 | 2 {
    const k = key === 0 ? 0 : key !== key ? NaN : key;
    let i = this.hash(k) & this.mask;
    const keys = this.keys;
    const marks = this.marks;
    for (;;) {
      const mark = marks[i]!;
      if (mark === 0) break;
      const stored = keys[i]!;
      if (stored === k || (k !== k && stored !== stored)) {
        if (mark === 2) return 2;
        marks[i] = 2;
        return 1;
      }
      i = (i + 1) & this.mask;
    }
    keys[i] = k;
    marks[i] = 1;
    // Up to 80% full: linear probing stays short, and the table doubles (briefly 3× its size) less often.
    if (++this.size * 5 > keys.length * 4) this.grow();
    return 0;
  }

  /** Bytes held by the table and the window. */
  get byteLength(): number {
    return this.keys.byteLength + this.marks.byteLength + (this.dense?.byteLength ?? 0);
  }

  private hash(k: number): number {
    this.bits[0] = k;
    return mix(this.words[0]! ^ Math.imul(this.words[1]!, 0x9e3779b1));
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldMarks = this.marks;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.marks = new Uint8Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const mark = oldMarks[j]!;
      if (mark === 0) continue;
      const k = oldKeys[j]!;
      let i = this.hash(k) & this.mask;
      while (this.marks[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.marks[i] = mark;
    }
  }
}

/** murmur3's finaliser: spreads every input bit over the 32-bit hash. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
