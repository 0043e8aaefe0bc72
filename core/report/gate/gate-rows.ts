import type { MetricJudgement } from '../../gate/judge-metric-rule.js';
import type { MetricRule } from '../../gate/metric-rule.js';
import { isMetricName, TASK_METRICS } from '../../metrics/metric-catalog.js';
import type { DifferenceInterval, MetricValue, NotComputable } from '../../metrics/metric-value.js';
import type { GateView } from './gate-view.js';

/** One metric of the comparison: the gate's rules first, in their order, then the task's other metrics. */
export interface GateRow {
  metric: string;
  candidate?: MetricValue;
  baseline?: MetricValue;
  /** candidate − production, when both are numbers. */
  difference?: number;
  interval?: DifferenceInterval | NotComputable;
  judgement?: MetricJudgement;
}

export function gateRows(view: GateView): GateRow[] {
  const { candidate, baseline, intervals, verdict } = view;
  const ruled = new Set(verdict.judgements.map((j) => j.rule.metric as string));
  const others = TASK_METRICS[candidate.task].filter(
    (m) => !ruled.has(m) && candidate.metrics[m] !== undefined,
  );
  const row = (metric: string, judgement?: MetricJudgement): GateRow => {
    const c = candidate.metrics[metric];
    const b = baseline?.metrics[metric];
    const interval = isMetricName(metric) ? intervals?.[metric] : undefined;
    return {
      metric,
      ...(c !== undefined ? { candidate: c } : {}),
      ...(b !== undefined ? { baseline: b } : {}),
      ...(typeof c === 'number' && typeof b === 'number' ? { difference: c - b } : {}),
      ...(interval !== undefined ? { interval } : {}),
      ...(judgement ? { judgement } : {}),
    };
  };
  return [...verdict.judgements.map((j) => row(j.rule.metric, j)), ...others.map((m) => row(m))];
}

/** The rule in a few symbols: `≥ 0.8; ≥ prod + 0.001; +5% vs prod; significant (95%)`. */
export function describeRule(rule: MetricRule, format: (n: number) => string): string {
  const better = rule.greaterIsBetter;
  const parts: string[] = [];
  if (rule.threshold !== undefined) parts.push(`${better ? '≥' : '≤'} ${format(rule.threshold)}`);
  if (rule.minAbsoluteChange !== undefined)
    parts.push(`${better ? '≥ prod +' : '≤ prod −'} ${format(rule.minAbsoluteChange)}`);
  if (rule.minRelativeChange !== undefined)
    parts.push(`${better ? '+' : '−'}${format(rule.minRelativeChange * 100)}% vs prod`);
  const level = `${format(rule.confidence * 100)}%`;
  if (rule.significance?.kind === 'improvement')
    parts.push(`significant ${better ? 'gain' : 'reduction'} (${level})`);
  if (rule.significance?.kind === 'non-inferior')
    parts.push(`non-inferior within ${format(rule.significance.margin)} (${level})`);
  return parts.join('; ');
}
