import type { CheckResult } from '../../checks/validation-report.js';
import { formatNumber, formatPercent } from '../format-number.js';

/** How an observed value reads in a table cell or a terminal line: short, never `[object Object]`. */
export function formatObserved(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, 8).map(formatObserved).join(', ');
    return value.length > 8 ? `${shown}, … (${value.length})` : shown;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    const range = value as { min?: unknown; max?: unknown };
    // An observed range ({min, max}) reads as one: `2,000,001 – 2,003,000`.
    if (entries.length === 2 && 'min' in range && 'max' in range)
      return `${formatObserved(range.min)} – ${formatObserved(range.max)}`;
    return entries.map(([k, v]) => `${k} ${formatObserved(v)}`).join(', ');
  }
  return String(value);
}

/**
 * What a check observed, said with its unit where the bare number would not tell: a regex's share
 * of matching values (`66.3% match`), a null rate, counts of missing or repeated values, lengths.
 */
export function describeObserved(result: Pick<CheckResult, 'check' | 'observed'>): string {
  const { observed } = result;
  if (observed === null || observed === undefined) return '—';
  const count = (noun: string) => `${formatObserved(observed)} ${noun}`;
  switch (result.check) {
    case 'regex':
      return typeof observed === 'number'
        ? `${formatPercent(100 * observed)} match`
        : formatObserved(observed);
    case 'null-rate':
      return typeof observed === 'number'
        ? `${formatPercent(100 * observed)} missing`
        : formatObserved(observed);
    case 'not-null':
      return count('missing');
    case 'unique':
      return count('repeated');
    case 'row-count':
      return count(observed === 1 ? 'row' : 'rows');
    case 'string-length':
      return `${formatObserved(observed)} characters`;
    case 'allowed-values':
      return Array.isArray(observed) && observed.length === 0
        ? 'none outside the list'
        : `outside the list: ${formatObserved(observed)}`;
    default:
      return formatObserved(observed);
  }
}
