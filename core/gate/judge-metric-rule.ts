import type { DifferenceInterval, MetricValue, NotComputable } from '../metrics/metric-value.js';
import { formatNumber, formatPair } from '../report/format-number.js';
import type { MetricRule } from './metric-rule.js';

/** MLflow's stand-in for "better" when production's value is 0 and a relative change is undefined. */
const ZERO_BASELINE_EPSILON = 1e-10;

export type RuleCheckKind =
  'candidate' | 'threshold' | 'baseline' | 'min_absolute_change' | 'min_relative_change' | 'significance';

/** One part of a rule and whether the candidate met it; only the parts the rule has, in judging order. */
export interface RuleCheck {
  kind: RuleCheckKind;
  passed: boolean;
}

/** What one metric's rule decided, with every reason it failed (not only the first). */
export interface MetricJudgement {
  rule: MetricRule;
  candidate?: MetricValue;
  baseline?: MetricValue;
  interval?: DifferenceInterval | NotComputable;
  passed: boolean;
  checks: RuleCheck[];
  /** One sentence per failed part, in the order MLflow reports them. */
  failures: string[];
}

export interface RuleInputs {
  /** The candidate's value; undefined when its metrics do not have it. */
  candidate: MetricValue | undefined;
  /** Production's value; undefined when there is no baseline or it lacks the metric. */
  baseline: MetricValue | undefined;
  /** candidate − production from the paired bootstrap, when both models were evaluated here. */
  interval?: DifferenceInterval | NotComputable | undefined;
  /** Why the candidate lacks the metric, when known (a metric of another task). */
  missingReason?: string;
}

/**
 * Judges one metric the way MLflow's `MetricThreshold` does (mlflow/models/evaluation/validation.py):
 *
 * - a missing candidate value fails the rule and nothing else is judged;
 * - `threshold`: candidate ≥ threshold when greater is better, else ≤ (inclusive);
 * - a change rule without production's value fails, and the changes are then not judged;
 * - `min_absolute_change`: candidate ≥ production + change (≤ production − change), the sum in
 *   double precision as MLflow computes it before comparing;
 * - `min_relative_change`: (candidate − production) / production ≥ change (mirrored for
 *   lower-is-better), dividing by production's signed value as MLflow does; against a production
 *   value of exactly 0, candidate ≥ production + 1e-10 (≤ production − 1e-10).
 *
 * Where MLflow has no value to compare, we fail with the reason rather than crash or compare NaN: a
 * candidate or production metric that is not computable, and `min_relative_change: 0` without
 * production's value (MLflow only notices a missing baseline for a non-zero change). On top of MLflow,
 * `significance` is judged on the paired-bootstrap interval of candidate − production.
 */
export function judgeMetricRule(rule: MetricRule, inputs: RuleInputs): MetricJudgement {
  const { metric, greaterIsBetter: better } = rule;
  const { candidate, baseline, interval } = inputs;
  const judgement: MetricJudgement = {
    rule,
    ...(candidate !== undefined ? { candidate } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(interval !== undefined ? { interval } : {}),
    passed: true,
    checks: [],
    failures: [],
  };
  const check = (kind: RuleCheckKind, passed: boolean, failure: () => string) => {
    judgement.checks.push({ kind, passed });
    if (!passed) {
      judgement.passed = false;
      judgement.failures.push(failure());
    }
  };

  if (candidate === undefined || typeof candidate !== 'number') {
    check('candidate', false, () =>
      candidate === undefined
        ? `${metric} is missing from the candidate's metrics${inputs.missingReason ? `: ${inputs.missingReason}` : ''}`
        : `${metric} is not computable for the candidate: ${candidate.notComputable}`,
    );
    return judgement;
  }
  const atLeast = (a: number, b: number) => (better ? a >= b : a <= b);

  if (rule.threshold !== undefined) {
    const threshold = rule.threshold;
    check('threshold', atLeast(candidate, threshold), () => {
      const [c, t] = formatPair(candidate, threshold);
      return `${metric} = ${c} is ${better ? 'below' : 'above'} the threshold ${t}`;
    });
  }

  const changes = rule.minAbsoluteChange !== undefined || rule.minRelativeChange !== undefined;
  if (!changes && rule.significance === undefined) return judgement;
  if (baseline === undefined || typeof baseline !== 'number') {
    check('baseline', false, () =>
      baseline === undefined
        ? `${metric} cannot be compared with production: production's metrics do not have it`
        : `${metric} cannot be compared with production: it is not computable for the production model (${baseline.notComputable})`,
    );
    return judgement;
  }

  if (rule.minAbsoluteChange !== undefined) {
    const change = rule.minAbsoluteChange;
    const required = better ? baseline + change : baseline - change;
    check('min_absolute_change', atLeast(candidate, required), () => {
      const [c, r] = formatPair(candidate, required);
      return `${metric} = ${c} does not ${better ? 'exceed' : 'undercut'} production's ${formatNumber(baseline)} by the minimum absolute change ${formatNumber(change)}: it needs ${better ? '≥' : '≤'} ${r}`;
    });
  }

  if (rule.minRelativeChange !== undefined) {
    const change = rule.minRelativeChange;
    if (baseline === 0) {
      const required = better ? baseline + ZERO_BASELINE_EPSILON : baseline - ZERO_BASELINE_EPSILON;
      check('min_relative_change', atLeast(candidate, required), () => {
        return `${metric} = ${formatNumber(candidate)} is not ${better ? 'above' : 'below'} production's 0: a relative change from 0 is undefined, so the candidate must be better by at least 1e-10 (MLflow's rule)`;
      });
    } else {
      const relative = better ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
      check('min_relative_change', !(relative < change), () => {
        const [r, m] = formatPair(relative * 100, change * 100);
        return `${metric} = ${formatNumber(candidate)} against production's ${formatNumber(baseline)} is a relative ${better ? 'gain' : 'reduction'} of ${r}%, below the minimum relative change ${m}%`;
      });
    }
  }

  if (rule.significance !== undefined) judgeSignificance(rule, interval, check);
  return judgement;
}

function judgeSignificance(
  rule: MetricRule,
  interval: DifferenceInterval | NotComputable | undefined,
  check: (kind: RuleCheckKind, passed: boolean, failure: () => string) => void,
): void {
  const { metric, greaterIsBetter: better } = rule;
  const significance = rule.significance!;
  if (interval === undefined || 'notComputable' in interval) {
    check('significance', false, () =>
      interval === undefined
        ? `the significance of ${metric}'s difference cannot be judged: it needs both models evaluated on the same holdout (a paired bootstrap), not metrics files`
        : `the significance of ${metric}'s difference cannot be judged: ${interval.notComputable}`,
    );
    return;
  }
  const level = `${formatNumber(interval.confidence * 100)}%`;
  const shown = `candidate − production = ${signed(interval.difference)}, ${level} interval [${signed(interval.low)}, ${signed(interval.high)}]`;
  // The bound on the worse side of 0: the low end when greater is better, else the high end.
  const worst = better ? interval.low : interval.high;
  if (significance.kind === 'improvement') {
    check('significance', better ? worst > 0 : worst < 0, () => {
      return `the ${better ? 'improvement' : 'reduction'} of ${metric} is not significant at ${level}: ${shown} reaches ${better ? 'down' : 'up'} to ${signed(worst)}`;
    });
  } else {
    const margin = significance.margin;
    check('significance', better ? worst >= -margin : worst <= margin, () => {
      return `${metric} may be worse than production by more than the non-inferiority margin ${formatNumber(margin)} at ${level}: ${shown}`;
    });
  }
}

function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : '0';
}
