// Exact powers of ten: every 10^k for k ≤ 22 is a double, so one multiply or divide by it rounds
// once and gives the correctly rounded result (Clinger's fast path) when the digits fit in 2^53.
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_FAST_DIGITS = 15;

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const SPACE = 32;

/** Parse result: how the bytes read as a number. */
export const NOT_A_NUMBER = 0;
export const INTEGER = 1;
export const DECIMAL = 2;

export interface NumberSlot {
  value: number;
}

/**
 * Reads `bytes[start, end)` as a decimal number, bit-exact with `Number(text)` for the forms a CSV
 * holds: `-12`, `3.25`, `.5`, `1e-7`, `inf`, `Infinity`. Returns INTEGER (digits only, within ±2^53),
 * DECIMAL, or NOT_A_NUMBER; the value goes to `out.value`. Surrounding spaces are ignored, as pandas does.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, out: NumberSlot): number {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (start === end) return NOT_A_NUMBER;
  let i = start;
  let negative = false;
  let c = bytes[i]!;
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    if (++i === end) return NOT_A_NUMBER;
    c = bytes[i]!;
  }
  if (c === 105 || c === 73) return parseInfinity(bytes, i, end, negative, out);

  let mantissa = 0;
  let digits = 0; // significant digits kept in the mantissa
  let dropped = 0; // integer digits beyond what the mantissa can hold exactly
  let exponent = 0;
  let sawDigit = false;
  let decimal = false;
  while (i < end) {
    c = bytes[i]! - ZERO;
    if (c < 0 || c > 9) break;
    sawDigit = true;
    if (digits < MAX_FAST_DIGITS) {
      if (mantissa !== 0 || c !== 0) digits++;
      mantissa = mantissa * 10 + c;
    } else dropped++;
    i++;
  }
  if (i < end && bytes[i] === DOT) {
    decimal = true;
    i++;
    while (i < end) {
      c = bytes[i]! - ZERO;
      if (c < 0 || c > 9) break;
      sawDigit = true;
      if (digits < MAX_FAST_DIGITS) {
        if (mantissa !== 0 || c !== 0) digits++;
        mantissa = mantissa * 10 + c;
        exponent--;
      } else if (c !== 0) dropped = -1; // significant digit lost: take the slow path
      i++;
    }
  }
  if (!sawDigit) return NOT_A_NUMBER;
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    decimal = true;
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS)) expNegative = bytes[i++] === MINUS;
    let e = 0;
    const expStart = i;
    while (i < end) {
      c = bytes[i]! - ZERO;
      if (c < 0 || c > 9) break;
      if (e < 100_000) e = e * 10 + c;
      i++;
    }
    if (i === expStart) return NOT_A_NUMBER;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return NOT_A_NUMBER;

  if (dropped === 0 && exponent >= -22 && exponent <= 22) {
    const magnitude = exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
    out.value = negative ? -magnitude : magnitude;
  } else {
    out.value = Number(asciiText(bytes, start, end).trim());
  }
  if (!decimal && Math.abs(out.value) <= Number.MAX_SAFE_INTEGER) return INTEGER;
  return DECIMAL;
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
