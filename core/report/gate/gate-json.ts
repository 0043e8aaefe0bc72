import type { MetricValue } from '../../metrics/metric-value.js';
import { gateRows } from './gate-rows.js';
import type { GateView } from './gate-view.js';

/** One metric in the JSON report and the action's `metrics` output. */
export interface GateMetricJson {
  candidate: MetricValue | null;
  production: MetricValue | null;
  difference: number | null;
  interval: { low: number; high: number; confidence: number } | { notComputable: string } | null;
  /** null when no rule judges this metric. */
  passed: boolean | null;
  failures: string[];
}

/** The per-metric comparison as data: the action's `metrics` output and the report's `metrics`. */
export function gateMetricsJson(view: GateView): Record<string, GateMetricJson> {
  const metrics: Record<string, GateMetricJson> = {};
  for (const row of gateRows(view)) {
    const interval = row.interval;
    metrics[row.metric] = {
      candidate: row.candidate ?? null,
      production: row.baseline ?? null,
      difference: interval && !('notComputable' in interval) ? interval.difference : (row.difference ?? null),
      interval:
        interval === undefined
          ? null
          : 'notComputable' in interval
            ? interval
            : { low: interval.low, high: interval.high, confidence: interval.confidence },
      passed: row.judgement ? row.judgement.passed : null,
      failures: row.judgement?.failures ?? [],
    };
  }
  return metrics;
}

/** The JSON report the gate writes: the verdict, every failure, and the comparison per metric. */
export function gateJson(view: GateView) {
  return {
    name: view.name,
    passed: view.verdict.passed,
    failures: view.verdict.failures,
    notes: view.verdict.notes,
    task: view.candidate.task,
    rows: { candidate: view.candidate.rows, production: view.baseline?.rows ?? null },
    sources: { candidate: view.sources.candidate, production: view.sources.baseline ?? null },
    metrics: gateMetricsJson(view),
  };
}
