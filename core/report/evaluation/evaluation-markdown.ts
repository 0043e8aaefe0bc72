import type { EvaluationResult } from '../../evaluate/evaluation-result.js';
import type { MetricValue } from '../../metrics/metric-value.js';
import { formatNumber } from '../format-number.js';

/** The job summary of an evaluation: metrics, confusion matrix, latency, slices, fairness. */
export function renderEvaluationMarkdown(result: EvaluationResult): string {
  const out: string[] = [];
  const dropped = result.dropped > 0 ? `, ${formatNumber(result.dropped)} dropped for missing values` : '';
  out.push(`### Model evaluation: ${code(result.model)} on ${code(result.data)}`, '');
  out.push(`${result.task}, ${formatNumber(result.rows)} rows${dropped}`, '');
  out.push('| metric | value |', '| --- | ---: |');
  for (const [name, value] of Object.entries(result.metrics)) out.push(`| ${name} | ${show(value!)} |`);
  if (result.confusionMatrix) {
    const { labels, counts } = result.confusionMatrix;
    out.push('', '**Confusion matrix** (rows: true class, columns: predicted class)', '');
    out.push(`| | ${labels.map(cell).join(' | ')} |`, `| --- | ${labels.map(() => '---:').join(' | ')} |`);
    counts.forEach((row, i) =>
      out.push(`| **${cell(labels[i]!)}** | ${row.map((c) => formatNumber(c)).join(' | ')} |`),
    );
  }
  const l = result.latency;
  out.push(
    '',
    `**Latency**, one row at a time after warm-up (${formatNumber(l.sample)} rows): p50 ${formatNumber(l.p50)} ms, p95 ${formatNumber(l.p95)} ms, p99 ${formatNumber(l.p99)} ms; ` +
      `throughput ${formatNumber(Math.round(l.throughput))} rows/s in batches of ${formatNumber(l.batchRows)} — ${cell(l.cpu.model)}, ${l.cpu.threads} threads, ${cell(l.runtime)}`,
  );
  if (result.slices.length > 0) {
    const names = Object.keys(result.slices[0]!.metrics);
    out.push(
      '',
      '**Slices**',
      '',
      `| column | value | rows | ${names.join(' | ')} |`,
      `| --- | --- | ---: | ${names.map(() => '---:').join(' | ')} |`,
    );
    for (const s of result.slices)
      out.push(
        `| ${cell(s.column)} | ${cell(s.value)} | ${formatNumber(s.rows)} | ${names.map((n) => show(s.metrics[n as keyof typeof s.metrics]!)).join(' | ')} |`,
      );
  }
  if (result.fairness) {
    const f = result.fairness;
    out.push(
      '',
      `**Fairness** across ${code(f.column)}: demographic parity difference ${show(f.demographicParityDifference)}, equalized odds difference ${show(f.equalizedOddsDifference)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function show(value: MetricValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? formatNumber(value) : `not computable: ${cell(value.notComputable)}`;
}

/** Text inside a table cell: pipes and newlines would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
