import type { EvaluationResult } from '../../evaluate/evaluation-result.js';
import type { FairnessMetrics } from '../../metrics/fairness.js';
import type { ConfusionMatrix, MetricValue } from '../../metrics/metric-value.js';

/**
 * The JSON of `modelship evaluate --json` and `--output`, and the action's metrics file: what the
 * gate reads back as a candidate's or production's metrics. A metric that cannot be computed is
 * `{"notComputable": "reason"}`, never a made-up number; NaN never reaches the file.
 */
export function evaluationJson(result: EvaluationResult) {
  return {
    task: result.task,
    rows: result.rows,
    dropped: result.dropped,
    metrics: metricValues(result.metrics),
    confusion_matrix: result.confusionMatrix ? confusion(result.confusionMatrix) : null,
    latency_ms: {
      p50: result.latency.p50,
      p95: result.latency.p95,
      p99: result.latency.p99,
      sample: result.latency.sample,
    },
    throughput: { rows_per_second: result.latency.throughput, batch_rows: result.latency.batchRows },
    machine: {
      cpu: result.latency.cpu.model,
      threads: result.latency.cpu.threads,
      runtime: result.latency.runtime,
    },
    slices: result.slices.map((s) => ({
      column: s.column,
      value: s.value,
      rows: s.rows,
      metrics: metricValues(s.metrics),
      ...(s.confusionMatrix ? { confusion_matrix: confusion(s.confusionMatrix) } : {}),
    })),
    ...(result.fairness ? { fairness: fairness(result.fairness) } : {}),
    model: result.model,
    data: result.data,
  };
}

function metricValues(metrics: Partial<Record<string, MetricValue>>): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const [name, value] of Object.entries(metrics)) if (value !== undefined) out[name] = plain(value);
  return out;
}

/** A number that is not finite has no JSON form: say so instead. */
function plain(value: MetricValue): MetricValue {
  return typeof value === 'number' && !Number.isFinite(value)
    ? { notComputable: `the value is ${value}` }
    : value;
}

function confusion(matrix: ConfusionMatrix) {
  return { labels: matrix.labels, counts: matrix.counts };
}

function fairness(f: FairnessMetrics & { column: string }) {
  return {
    column: f.column,
    demographic_parity_difference: plain(f.demographicParityDifference),
    equalized_odds_difference: plain(f.equalizedOddsDifference),
    groups: f.groups.map((g) => ({
      group: g.group,
      rows: g.rows,
      selection_rate: g.selectionRate,
      true_positive_rate: plain(g.truePositiveRate),
      false_positive_rate: plain(g.falsePositiveRate),
    })),
  };
}
