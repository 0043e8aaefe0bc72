/** pandas' default `na_values`: what `read_csv` reads as missing, so both tools count the same nulls. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
];

/** Tells whether a byte range is one of the missing-value tokens, without decoding it. */
export class MissingTokens {
  private readonly byFirstByte = new Map<number, Uint8Array[]>();
  private readonly maxLength: number;
  readonly matchesEmpty: boolean;
  readonly texts: ReadonlySet<string>;

  constructor(tokens: readonly string[] = DEFAULT_MISSING_TOKENS) {
    const encoder = new TextEncoder();
    this.texts = new Set(tokens);
    this.matchesEmpty = tokens.includes('');
    let maxLength = 0;
    for (const token of tokens) {
      const bytes = encoder.encode(token);
      if (bytes.length === 0) continue;
      maxLength = Math.max(maxLength, bytes.length);
      const list = this.byFirstByte.get(bytes[0]!) ?? [];
      list.push(bytes);
      this.byFirstByte.set(bytes[0]!, list);
    }
    this.maxLength = maxLength;
  }

  matches(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length === 0) return this.matchesEmpty;
    if (length > this.maxLength) return false;
    const candidates = this.byFirstByte.get(bytes[start]!);
    if (candidates === undefined) return false;
    outer: for (const token of candidates) {
      if (token.length !== length) continue;
      for (let i = 1; i < length; i++) if (token[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }
}
