import type { GateConfig } from '../config/gate-config-schema.js';
import { METRIC_CATALOG, type MetricName } from '../metrics/metric-catalog.js';

/** `improvement`, or no worse than a margin: judged on the paired-bootstrap interval of candidate − production. */
export type Significance = { kind: 'improvement' } | { kind: 'non-inferior'; margin: number };

/** One metric's rule, as the gate judges it: MLflow's `MetricThreshold` and our significance. */
export interface MetricRule {
  metric: MetricName;
  threshold?: number;
  minAbsoluteChange?: number;
  minRelativeChange?: number;
  /** From the catalog: losses and errors are lower-is-better. */
  greaterIsBetter: boolean;
  significance?: Significance;
  /** Confidence of the interval the significance is judged on. */
  confidence: number;
}

/** The `gate.metrics` rules in the order the file lists them. The schema has refused unknown names. */
export function metricRules(config: GateConfig): MetricRule[] {
  return Object.entries(config.metrics).map(([name, rule]) => {
    const metric = name as MetricName;
    const significance = rule.significance;
    return {
      metric,
      ...(rule.threshold !== undefined ? { threshold: rule.threshold } : {}),
      ...(rule.min_absolute_change !== undefined ? { minAbsoluteChange: rule.min_absolute_change } : {}),
      ...(rule.min_relative_change !== undefined ? { minRelativeChange: rule.min_relative_change } : {}),
      greaterIsBetter: METRIC_CATALOG[metric].greaterIsBetter,
      ...(significance === undefined
        ? {}
        : {
            significance:
              significance === 'improvement'
                ? { kind: 'improvement' as const }
                : { kind: 'non-inferior' as const, margin: significance['non-inferior'] },
          }),
      confidence: rule.confidence,
    };
  });
}

/** Whether the rule needs production's value of the metric (a change rule, or significance). */
export function comparesWithProduction(rule: MetricRule): boolean {
  return (
    rule.minAbsoluteChange !== undefined ||
    rule.minRelativeChange !== undefined ||
    rule.significance !== undefined
  );
}
