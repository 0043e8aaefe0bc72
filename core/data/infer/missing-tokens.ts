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
  /** Tokens by their first byte: most fields start with a byte no token starts with. */
  private readonly byFirstByte: (Uint8Array[] | undefined)[] = new Array<Uint8Array[] | undefined>(256).fill(
    undefined,
  );
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
      const list = (this.byFirstByte[bytes[0]!] ??= []);
      list.push(bytes);
    }
    this.maxLength = maxLength;
  }

  matches(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length === 0) return this.matchesEmpty;
    if (length > this.maxLength) return false;
    const candidates = this.byFirstByte[bytes[start]!];
    if (candidates === undefined) return false;
    outer: for (const token of candidates) {
      if (token.length !== length) continue;
      for (let i = 1; i < length; i++) if (token[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }
}
