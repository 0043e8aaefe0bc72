import type { EvaluationResult } from '../../evaluate/evaluation-result.js';
import type { ConfusionMatrix, MetricValue } from '../../metrics/metric-value.js';
import { formatNumber } from '../format-number.js';

/** `modelship evaluate`'s terminal report: the metrics, the confusion matrix, latency, slices. */
export function renderEvaluationText(result: EvaluationResult): string {
  const lines: string[] = [];
  const dropped = result.dropped > 0 ? `, ${formatNumber(result.dropped)} dropped for missing values` : '';
  lines.push(
    `${result.task} model ${result.model} on ${result.data}: ${formatNumber(result.rows)} rows${dropped}`,
    '',
  );
  const width = Math.max(...Object.keys(result.metrics).map((n) => n.length));
  for (const [name, value] of Object.entries(result.metrics))
    lines.push(`  ${name.padEnd(width)}  ${show(value!)}`);
  if (result.confusionMatrix) lines.push('', ...confusion(result.confusionMatrix));
  const l = result.latency;
  lines.push(
    '',
    `latency, one row at a time (${formatNumber(l.sample)} rows after warm-up): p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}`,
    `throughput in batches of ${formatNumber(l.batchRows)}: ${formatNumber(Math.round(l.throughput))} rows/s`,
    `on ${l.cpu.model}, ${l.cpu.threads} threads, ${l.runtime}`,
  );
  if (result.slices.length > 0) {
    lines.push('', 'slices:');
    for (const s of result.slices) {
      const metrics = Object.entries(s.metrics).map(([n, v]) => `${n} ${show(v!)}`);
      lines.push(`  ${s.column} = ${s.value} (${formatNumber(s.rows)} rows): ${metrics.join(', ')}`);
    }
  }
  if (result.fairness) {
    const f = result.fairness;
    lines.push(
      '',
      `fairness across "${f.column}": demographic parity difference ${show(f.demographicParityDifference)}, equalized odds difference ${show(f.equalizedOddsDifference)}`,
    );
    for (const g of f.groups)
      lines.push(
        `  ${g.group} (${formatNumber(g.rows)} rows): selection rate ${formatNumber(g.selectionRate)}, TPR ${show(g.truePositiveRate)}, FPR ${show(g.falsePositiveRate)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function show(value: MetricValue): string {
  return typeof value === 'number' ? formatNumber(value) : `not computable: ${value.notComputable}`;
}

function ms(value: number): string {
  return `${formatNumber(value)} ms`;
}

/** Rows are true classes, columns predicted, as scikit-learn lays it out. */
function confusion(matrix: ConfusionMatrix): string[] {
  const cells = [
    ['', ...matrix.labels],
    ...matrix.counts.map((row, i) => [matrix.labels[i]!, ...row.map((c) => formatNumber(c))]),
  ];
  const width = Math.max(...cells.flat().map((c) => c.length));
  return [
    'confusion matrix (rows: true class, columns: predicted class):',
    ...cells.map((row) => `  ${row.map((c) => c.padStart(width)).join('  ')}`),
  ];
}
