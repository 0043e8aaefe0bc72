/** 16 digits in a row: the shortest run that can write an integer beyond ±2^53 (9007199254740992). */
const LONG_DIGITS = /\d{16}/;
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * A JSON text whose integer literals beyond ±2^53 are quoted: `{"id": 12345678901234567891}` becomes
 * `{"id": "12345678901234567891"}`. JSON.parse would round them to the nearest double (…891 to …000,
 * so distinct ids collide); as strings they keep every digit, and the column reads as text, as the
 * CSV reader reads such a column. Numbers with a fraction or exponent are floats by their own spelling
 * and stay numbers. Lines without 16 digits in a row (nearly all) are returned untouched at once.
 */
export function quoteBigIntegers(text: string): string {
  if (!LONG_DIGITS.test(text)) return text;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      continue;
    }
    if (c !== MINUS && (c < ZERO || c > NINE)) {
      i++;
      continue;
    }
    const start = i;
    if (c === MINUS) i++;
    const digitsStart = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    const digits = text.slice(digitsStart, i);
    const next = text.charCodeAt(i);
    const integer = next !== DOT && next !== LOWER_E && next !== UPPER_E;
    while (i < text.length && isNumberPart(text.charCodeAt(i))) i++;
    if (integer && beyondSafe(digits)) {
      out += `${text.slice(copied, start)}"${text.slice(start, i)}"`;
      copied = i;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The index just past the string literal opening at `open` (escapes skipped; unterminated: the end). */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

function beyondSafe(digits: string): boolean {
  const significant = digits.replace(/^0+/, '');
  if (significant.length !== MAX_SAFE_DIGITS.length) return significant.length > MAX_SAFE_DIGITS.length;
  return significant > MAX_SAFE_DIGITS;
}

const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isNumberPart = (c: number) =>
  isDigit(c) || c === DOT || c === LOWER_E || c === UPPER_E || c === PLUS || c === MINUS;

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
