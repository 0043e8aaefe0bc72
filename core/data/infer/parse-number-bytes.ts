// Exact powers of ten: every 10^k for k ≤ 22 is a double, so one multiply or divide by it rounds
// once and gives the correctly rounded result (Clinger's fast path) when the digits fit in 2^53.
const POW10 = new Float64Array(23).map((_, k) => 10 ** k);
const MAX_FAST_DIGITS = 15;

/** How bytes read as a number. */
export const NOT_A_NUMBER = 0;
export const INTEGER = 1;
export const DECIMAL = 2;
/**
 * Digits only, but beyond ±2^53: a double cannot hold every such integer (…993 reads as …992), so
 * readers keep the text instead of a rounded number; `out.value` is still the nearest double.
 */
export const BIG_INTEGER = 3;

export interface NumberSlot {
  value: number;
}

/**
 * Reads `bytes[start, end)` as a decimal number, bit-exact with `Number(text)` for the forms a CSV
 * holds: `-12`, `3.25`, `.5`, `1e-7`, and `inf`/`Infinity` (as pandas reads them). Returns INTEGER
 * (digits only, within ±2^53), BIG_INTEGER (digits only, beyond), DECIMAL, or NOT_A_NUMBER; the value
 * goes to `out.value`. Spaces around
 * the number are ignored, as pandas ignores them.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, out: NumberSlot): number {
  if (start === end) return NOT_A_NUMBER;
  if (bytes[start] === 32 || bytes[end - 1] === 32) {
    while (start < end && bytes[start] === 32) start++;
    while (end > start && bytes[end - 1] === 32) end--;
    if (start === end) return NOT_A_NUMBER;
  }
  let i = start;
  let c = bytes[i]!;
  const negative = c === 45;
  if (negative || c === 43) {
    if (++i === end) return NOT_A_NUMBER;
    c = bytes[i]!;
  }
  if (c === 105 || c === 73) return parseInfinity(bytes, i, end, negative, out);

  let mantissa = 0;
  let significant = 0; // digits in the mantissa from the first non-zero one
  let exponent = 0;
  let exact = true;
  const digitsStart = i;
  for (; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) break;
    if (significant < MAX_FAST_DIGITS) {
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) significant++;
    } else {
      exponent++;
      exact = false;
    }
  }
  let sawDigit = i > digitsStart;
  let decimal = false;
  if (i < end && bytes[i] === 46) {
    decimal = true;
    const fractionStart = ++i;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      if (significant < MAX_FAST_DIGITS) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) significant++;
        exponent--;
      } else if (d !== 0) exact = false;
    }
    sawDigit ||= i > fractionStart;
  }
  if (!sawDigit) return NOT_A_NUMBER;
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    decimal = true;
    let expNegative = false;
    if (++i < end && (bytes[i] === 45 || bytes[i] === 43)) expNegative = bytes[i++] === 45;
    const expStart = i;
    let e = 0;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      if (e < 100_000) e = e * 10 + d;
    }
    if (i === expStart) return NOT_A_NUMBER;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return NOT_A_NUMBER;

  let value: number;
  if (exact && exponent >= -22 && exponent <= 22) {
    value = exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
    if (negative) value = -value;
  } else {
    value = Number(asciiText(bytes, start, end));
  }
  out.value = value;
  if (decimal) return DECIMAL;
  return value > Number.MAX_SAFE_INTEGER || value < -Number.MAX_SAFE_INTEGER ? BIG_INTEGER : INTEGER;
}

function parseInfinity(bytes: Uint8Array, i: number, end: number, negative: boolean, out: NumberSlot) {
  const word = asciiText(bytes, i, end).toLowerCase();
  if (word !== 'inf' && word !== 'infinity') return NOT_A_NUMBER;
  out.value = negative ? -Infinity : Infinity;
  return DECIMAL;
}

/** Bytes known to be ASCII (or compared against ASCII words) as a string. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
