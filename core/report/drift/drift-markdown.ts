import { formatCount } from '../../checks/describe.js';
import type { ColumnDrift, DriftReport, SampleSummary } from '../../drift/drift-result.js';
import { bySeverity } from './by-severity.js';
import {
  columnVerdict,
  driftHeadline,
  formatResult,
  sideBySide,
  driftRule,
  testLabel,
  untestedColumns,
} from './format-drift.js';

/** GitHub's limit for a check run's summary and text, in characters. */
export const CHECK_OUTPUT_LIMIT = 65_535;

export interface DriftCheckOutput {
  title: string;
  summary: string;
  text: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A histogram as block characters, one per bin, scaled to the larger side. */
function sparkline(counts: number[], max: number): string {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return counts.map((c) => BLOCKS[Math.round((c / total / max) * (BLOCKS.length - 1))]).join('');
}

/**
 * The check run's output (also the job summary): a title that is the verdict, a summary with the
 * drifted columns, and per-column details in `text`, most severe first. Within GitHub's 65,535
 * characters: details of the least severe columns are dropped first, whole, and the text says so.
 */
export function renderDriftCheckOutput(
  report: DriftReport,
  sources: { reference: string; current: string },
): DriftCheckOutput {
  const { dataset } = report;
  const columns = bySeverity(report.columns);
  const drifted = columns.filter((c) => c.drift);
  const untested = columns.filter((c) => c.status !== 'tested');
  const summary = [
    `### ${dataset.drift ? '❌' : '✅'} ${driftHeadline(dataset)}`,
    '',
    `Current data \`${cell(sources.current)}\` (${formatCount(dataset.currentRows)} rows) compared with reference \`${cell(sources.reference)}\` (${formatCount(dataset.referenceRows)} rows).`,
    '',
    ...(drifted.length > 0
      ? [
          '| Column | Kind | Test | Statistic | p-value | Threshold |',
          '|---|---|---|---:|---:|---:|',
          ...drifted.map(
            (c) =>
              `| ${cell(c.column)} | ${c.kind} | ${testLabel(c.test)} | ${formatResult(c).statistic} | ${formatResult(c).pValue} | ${c.threshold} |`,
          ),
          '',
        ]
      : []),
    `${dataset.columns - dataset.drifted} of ${dataset.columns} tested columns show no drift${untested.length ? `; ${untested.length} not tested (${untested.map((c) => `${cell(c.column)}: ${columnVerdict(c.status, false)}`).join(', ')})` : ''}.`,
    ...untestedColumns(dataset).flatMap(({ label, names }) => ['', `**${label}:** ${cell(names)}`]),
  ].join('\n');

  const sections = columns.map(columnDetails);
  const parts: string[] = [];
  let length = 0;
  let omitted = 0;
  for (const section of sections) {
    if (omitted > 0 || length + section.length + 200 > CHECK_OUTPUT_LIMIT) {
      omitted++;
      continue;
    }
    parts.push(section);
    length += section.length + 2;
  }
  if (omitted > 0)
    parts.push(
      `_Details of ${omitted} less drifted columns were left out to fit GitHub's size limit; the HTML report and the JSON output have all of them._`,
    );
  return {
    title: driftHeadline(dataset),
    summary:
      summary.length > CHECK_OUTPUT_LIMIT
        ? `${summary.slice(0, CHECK_OUTPUT_LIMIT - 80)}\n\n_(summary shortened to fit GitHub's limit)_`
        : summary,
    text: parts.join('\n\n'),
  };
}

function columnDetails(c: ColumnDrift): string {
  const head = `#### ${c.drift ? '❌' : c.status === 'tested' ? '✅' : '➖'} ${cell(c.column)} — ${columnVerdict(c.status, c.drift)}`;
  if (c.status !== 'tested') return `${head}\n\n${c.note ?? ''}`;
  const shown = formatResult(c);
  const result = `${testLabel(c.test)}: statistic ${shown.statistic}${c.pValue !== undefined ? `, p-value ${shown.pValue}` : ''} (drift when ${driftRule(c)}); ${c.kind}, ${c.dataType}.`;
  const lines = [
    head,
    '',
    result,
    '',
    '| | reference | current |',
    '|---|---:|---:|',
    ...summaryRows(c.reference, c.current),
  ];
  if (c.histogram) {
    const max = Math.max(
      ...[c.histogram.reference, c.histogram.current].map(
        (counts) => Math.max(...counts) / (counts.reduce((a, b) => a + b, 0) || 1),
      ),
    );
    lines.push(
      '',
      '```',
      `reference ${sparkline(c.histogram.reference, max)}`,
      `current   ${sparkline(c.histogram.current, max)}`,
      '```',
    );
  }
  return lines.join('\n');
}

function summaryRows(ref: SampleSummary, cur: SampleSummary): string[] {
  const rows = [
    `| rows | ${formatCount(ref.rows)} | ${formatCount(cur.rows)} |`,
    `| missing | ${formatCount(ref.missing)} | ${formatCount(cur.missing)} |`,
  ];
  for (const key of ['mean', 'std', 'min', 'median', 'max'] as const) {
    if (ref[key] !== undefined) rows.push(`| ${key} | ${sideBySide(ref[key], cur[key]).join(' | ')} |`);
  }
  if (ref.top) {
    const top = (s: SampleSummary) =>
      cell(
        (s.top ?? [])
          .slice(0, 3)
          .map((t) => `${t.value} (${formatCount(t.count)})`)
          .join(', '),
      );
    rows.push(`| most common | ${top(ref)} | ${top(cur)} |`);
  }
  return rows;
}
