/**
 * A set of float64 keys by open addressing over typed arrays: about 18 bytes per key at most, no
 * boxed numbers, exact (keys compare by value; -0 equals 0 and every NaN equals NaN, as in pandas).
 * `add` returns 0 for a new key, 1 for its first repeat, 2 for later repeats.
 */
export class NumberSet {
  private keys = new Float64Array(1 << 12);
  /** 0 empty, 1 seen once, 2 repeated. */
  private marks = new Uint8Array(1 << 12);
  private mask = (1 << 12) - 1;
  size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  add(key: number): 0 | 1 | 2 {
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

  /** Bytes held by the table. */
  get byteLength(): number {
    return this.keys.byteLength + this.marks.byteLength;
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
