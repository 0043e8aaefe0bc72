import { mix } from './number-set.js';

/**
 * A set of variable-length keys (encoded as 16-bit units: a string's UTF-16 code units, a number's
 * float64 bits) by open addressing. Keys are copied into one growing Uint16Array arena, so a
 * million strings cost their characters plus 13 bytes each, not a million JS strings; a hash match
 * is confirmed against the stored units, so the set is exact.
 * `add` returns 0 for a new key, 1 for its first repeat, 2 for later repeats.
 */
export class KeySet {
  private arena = new Uint16Array(1 << 14);
  private used = 0;
  /** Per key: start in the arena (key k spans starts[k]..starts[k + 1]). */
  private starts = new Uint32Array(1 << 10);
  private hashes = new Uint32Array(1 << 10);
  private repeated = new Uint8Array(1 << 10);
  /** Per slot: key index + 1, or 0 when empty. */
  private slots = new Int32Array(1 << 11);
  private mask = (1 << 11) - 1;
  size = 0;

  add(key: Uint16Array, length: number): 0 | 1 | 2 {
    const hash = hashUnits(key, length);
    let i = hash & this.mask;
    for (;;) {
      const slot = this.slots[i]!;
      if (slot === 0) break;
      const k = slot - 1;
      if (this.hashes[k] === hash && this.equals(k, key, length)) {
        if (this.repeated[k] === 1) return 2;
        this.repeated[k] = 1;
        return 1;
      }
      i = (i + 1) & this.mask;
    }
    this.store(key, length, hash);
    this.slots[i] = this.size;
    if (this.size * 2 > this.slots.length) this.growSlots();
    return 0;
  }

  get byteLength(): number {
    return (
      this.arena.byteLength +
      this.starts.byteLength +
      this.hashes.byteLength +
      this.repeated.byteLength +
      this.slots.byteLength
    );
  }

  private equals(k: number, key: Uint16Array, length: number): boolean {
    const start = this.starts[k]!;
    const end = k + 1 < this.size ? this.starts[k + 1]! : this.used;
    if (end - start !== length) return false;
    const arena = this.arena;
    for (let j = 0; j < length; j++) if (arena[start + j] !== key[j]) return false;
    return true;
  }

  private store(key: Uint16Array, length: number, hash: number): void {
    if (this.used + length > this.arena.length) {
      const bigger = new Uint16Array(Math.max(this.arena.length * 2, this.used + length));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    if (this.size === this.starts.length) {
      this.starts = grown(this.starts, Uint32Array);
      this.hashes = grown(this.hashes, Uint32Array);
      this.repeated = grown(this.repeated, Uint8Array);
    }
    this.arena.set(key.subarray(0, length), this.used);
    this.starts[this.size] = this.used;
    this.hashes[this.size] = hash;
    this.used += length;
    this.size++;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.size; k++) {
      let i = this.hashes[k]! & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = k + 1;
    }
  }
}

function grown<T extends Uint32Array | Uint8Array>(array: T, Type: new (n: number) => T): T {
  const bigger = new Type(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** FNV-1a over the units, finished by murmur's mixer. */
function hashUnits(key: Uint16Array, length: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < length; j++) h = Math.imul(h ^ key[j]!, 0x01000193);
  return mix(h ^ length);
}
