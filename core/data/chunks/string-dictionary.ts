const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Dictionary-encodes strings given as byte ranges: equal bytes get the same code and are decoded
 * (and UTF-8 validated) once, so a categorical column of a million rows allocates a handful of strings.
 * Open addressing on an FNV-1a hash; entries' bytes live in one pool, so a lookup compares bytes in
 * place; the table doubles at half load.
 */
export class StringDictionary {
  readonly values: string[] = [];
  private pool = new Uint8Array(4096);
  private poolLength = 0;
  private offsets = new Int32Array(65);
  private hashes = new Int32Array(64);
  private slots = new Int32Array(64).fill(-1);

  /** Code of `bytes[start, end)`; throws a TypeError (from TextDecoder) on invalid UTF-8. */
  encode(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = slots[slot]!;
      if (code === -1) return this.add(bytes, start, end, hash, slot);
      if (this.hashes[code] !== hash) continue;
      const from = this.offsets[code]!;
      if (this.offsets[code + 1]! - from !== length) continue;
      const pool = this.pool;
      let i = 0;
      while (i < length && pool[from + i] === bytes[start + i]) i++;
      if (i === length) return code;
    }
  }

  /** Code of a string already decoded (JSON values, forced conversions). */
  encodeText(text: string): number {
    const bytes = encoder.encode(text);
    return this.encode(bytes, 0, bytes.length);
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const code = this.values.length;
    this.values.push(decodeText(bytes, start, end));
    const length = end - start;
    if (this.poolLength + length > this.pool.length) this.pool = grow(this.pool, this.poolLength + length);
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.poolLength += length;
    if (code + 2 > this.offsets.length) this.offsets = grow(this.offsets, code + 2);
    if (code + 1 > this.hashes.length) this.hashes = grow(this.hashes, code + 1);
    this.offsets[code + 1] = this.poolLength;
    this.hashes[code] = hash;
    this.slots[slot] = code;
    if (code * 2 >= this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.hashes[code]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.slots = slots;
  }
}

const encoder = new TextEncoder();

function grow<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Short ASCII text is built directly (TextDecoder's per-call cost dominates for ids and codes). */
export function decodeText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let text = '';
    let i = start;
    for (; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) break;
      text += String.fromCharCode(b);
    }
    if (i === end) return text;
  }
  return utf8.decode(bytes.subarray(start, end));
}
