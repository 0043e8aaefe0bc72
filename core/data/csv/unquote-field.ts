/**
 * The text of a quoted field that needs more than trimming its quotes: `""` escapes, or text after
 * the closing quote (`"ab"cd` reads `abcd`, as pandas reads it). Rare, so it may allocate.
 */
export function unquoteField(bytes: Uint8Array, start: number, end: number, quote: number): Uint8Array {
  const out = new Uint8Array(end - start);
  let length = 0;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === quote) {
      if (inQuotes && bytes[i + 1] === quote && i + 1 < end) {
        out[length++] = quote;
        i++;
      } else inQuotes = !inQuotes;
    } else out[length++] = b;
  }
  return out.subarray(0, length);
}
