import { formatCount } from '../../checks/describe.js';
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
  return JSON.stringify(value);
}

/** Integers with thousands separators; other numbers to 6 significant digits without trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatCount(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

/** `0.24%`, `<0.01%` for a non-zero share too small to show, `0%` only when nothing failed. */
export function formatPercent(percent: number): string {
  if (percent === 0) return '0%';
  if (percent < 0.01) return '<0.01%';
  return `${Number(percent.toPrecision(3))}%`;
}
