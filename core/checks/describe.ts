import { formatPercent } from '../report/format-number.js';
import type { CheckExample } from './validation-report.js';

/** `1,000,000` */
export function formatCount(n: number): string {
  // By hand for integers: the first toLocaleString call loads ICU's locale data (20–40 ms).
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** One rule for every percentage a report shows (core/report/format-number.ts). */
export { formatPercent };

/** A value as a message shows it: strings quoted, numbers as written, missing as `null`. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** `, e.g. row 17 (line 18): -3` */
export function describeExample(examples: readonly CheckExample[]): string {
  const first = examples[0];
  if (!first) return '';
  return `, e.g. row ${formatCount(first.row)} (line ${formatCount(first.line)}): ${formatValue(first.value)}`;
}

/** `12 of 1,000,000 values (0.0012%) are below 0, e.g. row 17 (line 18): -3` */
export function describeUnexpected(
  unexpected: number,
  total: number,
  what: string,
  examples: readonly CheckExample[],
): string {
  const noun = total === 1 ? 'value' : 'values';
  return `${formatCount(unexpected)} of ${formatCount(total)} ${noun} (${formatPercent(percentOf(unexpected, total))}) ${what}${describeExample(examples)}`;
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}
