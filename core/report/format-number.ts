import { formatCount } from '../checks/describe.js';

/**
 * How every output people read (terminal, job summary, check run, HTML) writes a number; JSON keeps
 * the raw doubles. One rule, so one value never reads two ways in one report:
 *
 * - integers in full, with thousands separators (`2,000,001`);
 * - other numbers to 4 significant digits, but never rounding away the integer part (`0.5527`,
 *   `1,013`, `12,346`), and in exponent form when tiny or huge (`3.2e-7`);
 * - two numbers shown side by side (reference and current, a value and its limit) get more digits
 *   until they read differently — `1,010.2` and `1,010.3`, not `1010` and `1010`;
 * - percentages to 3 significant digits that never read as 0% or 100% unless exactly so.
 */
const DIGITS = 4;
const MAX_DIGITS = 17;

export function formatNumber(value: number, digits = DIGITS): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatCount(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e15) return trimExponent(value.toExponential(digits - 1));
  // Digits before the point (negative for 0.00x): significant digits count from the first non-zero.
  const integerDigits = Math.floor(Math.log10(magnitude)) + 1;
  const decimals = Math.max(0, digits - integerDigits);
  // toFixed(decimals) for the digits, then thousands separators on the integer part.
  const fixed = String(Number(value.toFixed(Math.min(decimals, 100))));
  const [whole, fraction] = fixed.split('.');
  const grouped = formatCount(Number(whole)).replace(/^0$/, whole!.startsWith('-') ? '-0' : '0');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Two numbers read side by side: as few digits as the rule allows, but never equal text for unequal values. */
export function formatPair(a: number, b: number, digits = DIGITS): [string, string] {
  let pair: [string, string] = [formatNumber(a, digits), formatNumber(b, digits)];
  while (pair[0] === pair[1] && a !== b && digits < MAX_DIGITS) {
    digits++;
    pair = [formatNumber(a, digits), formatNumber(b, digits)];
  }
  return pair;
}

/** A value next to the limit it is compared with (`std 1.00001 is above the maximum 1`). */
export function formatAgainst(value: number, limit: number): string {
  return formatPair(value, limit)[0];
}

/** A percentage (0–100): `0.0012%`, `66.3%`, `99.97%`; `0%` and `100%` only when exact. */
export function formatPercent(percent: number): string {
  if (percent === 0 || percent === 100 || !Number.isFinite(percent)) return `${formatNumber(percent)}%`;
  let digits = 3;
  let text = formatNumber(percent, digits);
  while ((text === '0' || text === '100') && digits < MAX_DIGITS) text = formatNumber(percent, ++digits);
  return `${text}%`;
}

/** `3.2e-7` rather than `3.200e-7`. */
function trimExponent(text: string): string {
  return text.replace(/\.?0+e/, 'e').replace('e+', 'e');
}
