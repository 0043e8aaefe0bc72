import type { MetricValue } from '../../metrics/metric-value.js';
import { formatNumber } from '../format-number.js';
import type { GateRow } from './gate-rows.js';

/** One cell of a gate table, the same in the job summary, the comment and the terminal. */
export function formatMetricValue(v: MetricValue | undefined): string {
  if (v === undefined) return '—';
  return typeof v === 'number' ? formatNumber(v) : 'not computable';
}

function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0';
}

/** candidate − production, with its bootstrap interval when there is one. */
export function formatDifference(r: GateRow): string {
  const interval = r.interval;
  if (interval && !('notComputable' in interval))
    return `${signed(interval.difference)} (${formatNumber(interval.confidence * 100)}%: ${signed(interval.low)} to ${signed(interval.high)})`;
  return r.difference === undefined ? '—' : signed(r.difference);
}
