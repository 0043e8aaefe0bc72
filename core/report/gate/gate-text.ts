import { formatCount } from '../../checks/describe.js';
import { formatNumber } from '../format-number.js';
import { gateTitle } from './gate-markdown.js';
import { formatDifference, formatMetricValue } from './gate-cells.js';
import { describeRule, gateRows } from './gate-rows.js';
import type { GateView } from './gate-view.js';

/** The gate for a terminal: the verdict, an aligned table, every failure, the notes. */
export function renderGateText(view: GateView): string {
  const { candidate, baseline, sources, verdict } = view;
  const header = ['metric', 'candidate', 'production', 'difference (interval)', 'rule', 'result'];
  const rows = gateRows(view).map((r) => [
    r.metric,
    formatMetricValue(r.candidate),
    formatMetricValue(r.baseline),
    formatDifference(r),
    r.judgement ? describeRule(r.judgement.rule, formatNumber) : '',
    r.judgement ? (r.judgement.passed ? 'pass' : 'FAIL') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const from = baseline
    ? `Candidate ${sources.candidate} (${candidate.task}, ${formatCount(candidate.rows)} rows) against production ${sources.baseline ?? ''} (${formatCount(baseline.rows)} rows).`
    : `Candidate ${sources.candidate} (${candidate.task}, ${formatCount(candidate.rows)} rows); no production metrics.`;
  return [
    `${verdict.passed ? '✓' : '✗'} ${gateTitle(view)}`,
    from,
    '',
    line(header),
    ...rows.map(line),
    ...(verdict.failures.length > 0
      ? ['', 'Why it failed:', ...verdict.failures.map((f) => `  - ${f}`)]
      : []),
    ...(verdict.notes.length > 0 ? ['', ...verdict.notes] : []),
    '',
  ].join('\n');
}
