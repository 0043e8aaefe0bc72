import { METRIC_CATALOG, TASK_METRICS } from '../metrics/metric-catalog.js';
import type { DifferenceInterval, NotComputable } from '../metrics/metric-value.js';
import type { Task } from '../metrics/predictions.js';
import { formatCount } from '../checks/describe.js';
import { judgeMetricRule, type MetricJudgement } from './judge-metric-rule.js';
import type { MetricRule } from './metric-rule.js';
import type { MetricsReport } from './metrics-report.js';

export interface GateInputs {
  rules: readonly MetricRule[];
  candidate: MetricsReport;
  /** Production's metrics; absent when no rule compares with production. */
  baseline?: MetricsReport;
  /** candidate − production per metric from the paired bootstrap, when both models were evaluated here. */
  intervals?: Readonly<Record<string, DifferenceInterval | NotComputable>>;
}

export interface GateVerdict {
  passed: boolean;
  /** One per rule, in the configuration's order. */
  judgements: MetricJudgement[];
  /** Every failure of every rule, together. */
  failures: string[];
  /** What a reader should know about the comparison (different holdouts). */
  notes: string[];
}

/** Judges every rule and reports every failure at once: fixing a model one failure per run is misery. */
export function judgeGate(inputs: GateInputs): GateVerdict {
  const { candidate, baseline, intervals } = inputs;
  const judgements = inputs.rules.map((rule) => {
    const interval = intervals?.[rule.metric];
    if (interval && 'confidence' in interval && interval.confidence !== rule.confidence)
      throw new Error(
        `the interval of ${rule.metric} is at ${interval.confidence}, its rule asks ${rule.confidence}`,
      );
    return judgeMetricRule(rule, {
      candidate: candidate.metrics[rule.metric],
      baseline: baseline?.metrics[rule.metric],
      interval,
      ...missingReason(rule, candidate.task),
    });
  });
  const notes: string[] = [];
  if (baseline && baseline.rows !== candidate.rows)
    notes.push(
      `The candidate was evaluated on ${formatCount(candidate.rows)} rows and production on ${formatCount(baseline.rows)}: differences may come from the data as well as the models; evaluate both on the same holdout.`,
    );
  return {
    passed: judgements.every((j) => j.passed),
    judgements,
    failures: judgements.flatMap((j) => j.failures),
    notes,
  };
}

function missingReason(rule: MetricRule, task: Task): { missingReason?: string } {
  if (TASK_METRICS[task].includes(rule.metric)) return {};
  const tasks = (Object.keys(TASK_METRICS) as Task[]).filter((t) => TASK_METRICS[t].includes(rule.metric));
  const of = tasks.length > 0 ? tasks.join(' and ') : METRIC_CATALOG[rule.metric].task;
  return { missingReason: `it is a ${of} metric and the candidate is a ${task} model` };
}
