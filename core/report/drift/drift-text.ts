import { formatCount } from '../../checks/describe.js';
import type { DriftReport } from '../../drift/drift-result.js';
import { bySeverity } from './by-severity.js';
import { columnVerdict, driftHeadline, formatResult, untestedColumns } from './format-drift.js';

/** The terminal table of `modelship drift`: most drifted columns first. */
export function renderDriftText(report: DriftReport, reference: string, current: string): string {
  const rows = bySeverity(report.columns).map((c) => [
    c.drift ? '✗' : c.status === 'tested' ? '✓' : '·',
    c.column,
    c.kind,
    c.test ?? '',
    c.status === 'tested' ? formatResult(c).statistic : '',
    c.pValue === undefined ? '' : formatResult(c).pValue,
    c.threshold === undefined ? '' : String(c.threshold),
    columnVerdict(c.status, c.drift),
  ]);
  const header = ['', 'column', 'kind', 'test', 'statistic', 'p-value', 'threshold', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    `Comparing ${current} (${formatCount(report.dataset.currentRows)} rows) with ${reference} (${formatCount(report.dataset.referenceRows)} rows)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...untestedColumns(report.dataset).map(({ label, names }) => `${label}: ${names}`),
    ...(untestedColumns(report.dataset).length > 0 ? [''] : []),
    `${driftHeadline(report.dataset)} (${(report.durationMs / 1000).toFixed(2)} s)`,
    '',
  ].join('\n');
}
