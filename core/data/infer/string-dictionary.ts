const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Dictionary-encodes strings given as byte ranges: equal bytes get the same code and are decoded
 * (and UTF-8 validated) once, so a categorical column of a million rows allocates a handful of strings.
 * Open addressing on an FNV-1a hash; the table doubles at half load.
 */
export class StringDictionary {
  readonly values: string[] = [];
  private bytes: Uint8Array[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(64).fill(-1);

  /** Code of `bytes[start, end)`; throws a TypeError (from TextDecoder) on invalid UTF-8. */
  encode(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash >>>= 0;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.slots[slot]!;
      if (code === -1) return this.add(bytes, start, end, hash, slot);
      if (this.hashes[code] === hash && sameBytes(this.bytes[code]!, bytes, start, end)) return code;
    }
  }

  /** Code of a string already decoded (JSON values, forced conversions). */
  encodeText(text: string): number {
    const bytes = new TextEncoder().encode(text);
    return this.encode(bytes, 0, bytes.length);
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const code = this.values.length;
    this.values.push(decodeText(bytes, start, end));
    this.bytes.push(bytes.slice(start, end));
    this.hashes.push(hash);
    this.slots[slot] = code;
    if (code * 2 >= this.slots.length) this.grow();
    return code;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.hashes.length; code++) {
      let slot = this.hashes[code]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.slots = slots;
  }
}

function sameBytes(stored: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (stored.length !== end - start) return false;
  for (let i = 0; i < stored.length; i++) if (stored[i] !== bytes[start + i]) return false;
  return true;
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
