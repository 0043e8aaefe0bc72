import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeGate } from '../../../core/gate/judge-gate.js';
import type { MetricRule } from '../../../core/gate/metric-rule.js';
import type { MetricsReport } from '../../../core/gate/metrics-report.js';
import type { MetricName } from '../../../core/metrics/metric-catalog.js';
import { METRIC_CATALOG } from '../../../core/metrics/metric-catalog.js';
import type { MetricValue } from '../../../core/metrics/metric-value.js';

// MLflow's own cases (tests/evaluate/test_validation.py), each under its MLflow name. MLflow's
// metric names map to ours with the same direction: accuracy_score/accuracy → accuracy, f1_score →
// f1, log_loss → log_loss, custom_l1_loss → mae (lower is better), metric_1 → r2 (greater is better).
// MLflow's flags per metric are what we compare: the parts that failed, nothing more or less.

type Flag =
  'missing_candidate' | 'threshold' | 'missing_baseline' | 'min_absolute_change' | 'min_relative_change';

function rule(
  metric: MetricName,
  parts: Partial<Omit<MetricRule, 'metric' | 'greaterIsBetter'>>,
): MetricRule {
  return { metric, greaterIsBetter: METRIC_CATALOG[metric].greaterIsBetter, confidence: 0.95, ...parts };
}

function report(metrics: Record<string, MetricValue>): MetricsReport {
  return { task: 'binary', rows: 150, metrics, slices: [] };
}

/** The failed parts per metric, as MLflow's _MetricValidationResult flags them. */
function flags(
  rules: MetricRule[],
  candidate: Record<string, MetricValue>,
  baseline: Record<string, MetricValue> | undefined,
): Record<string, Flag[]> {
  const verdict = judgeGate({
    rules,
    candidate: report(candidate),
    ...(baseline ? { baseline: report(baseline) } : {}),
  });
  const names: Record<string, Flag> = {
    candidate: 'missing_candidate',
    threshold: 'threshold',
    baseline: 'missing_baseline',
    min_absolute_change: 'min_absolute_change',
    min_relative_change: 'min_relative_change',
  };
  const failed: Record<string, Flag[]> = {};
  for (const j of verdict.judgements) {
    const parts = j.checks.filter((c) => !c.passed).map((c) => names[c.kind]!);
    if (parts.length > 0) failed[j.rule.metric] = parts;
    assert.equal(j.passed, parts.length === 0);
    assert.equal(j.failures.length, parts.length, 'one sentence per failed part');
  }
  assert.equal(verdict.passed, Object.keys(failed).length === 0);
  return failed;
}

describe('MLflow value threshold cases (test_validation_value_threshold_should_fail / _should_pass)', () => {
  const acc = rule('accuracy', { threshold: 0.9 });
  const f1 = rule('f1', { threshold: 0.8 });
  const logLoss = rule('log_loss', { threshold: 0.5 });
  const l1 = rule('mae', { threshold: 0.3 });
  const cases: [string, MetricRule[], Record<string, number>, Record<string, Flag[]>][] = [
    ['single_metric_not_satisfied_higher_better', [acc], { accuracy: 0.8 }, { accuracy: ['threshold'] }],
    [
      'multiple_metrics_not_satisfied_higher_better',
      [acc, f1],
      { accuracy: 0.8, f1: 0.7 },
      { accuracy: ['threshold'], f1: ['threshold'] },
    ],
    ['single_metric_not_satisfied_lower_better', [l1], { mae: 0.5 }, { mae: ['threshold'] }],
    [
      'multiple_metrics_not_satisfied_lower_better',
      [l1, logLoss],
      { mae: 0.5, log_loss: 0.8 },
      { mae: ['threshold'], log_loss: ['threshold'] },
    ],
    ['missing_candidate_metric', [acc], {}, { accuracy: ['missing_candidate'] }],
    [
      'multiple_metrics_not_all_satisfied',
      [acc, f1, logLoss],
      { accuracy: 0.8, f1: 0.7, log_loss: 0.3 },
      { accuracy: ['threshold'], f1: ['threshold'] },
    ],
    ['equality_boundary', [acc, logLoss], { accuracy: 0.9, log_loss: 0.5 }, {}],
    ['single_metric_satisfied_higher_better', [acc], { accuracy: 0.91 }, {}],
    ['single_metric_satisfied_lower_better', [logLoss], { log_loss: 0.3 }, {}],
    ['multiple_metrics_all_satisfied', [acc, f1, logLoss], { accuracy: 0.9, f1: 0.8, log_loss: 0.3 }, {}],
  ];
  for (const [name, rules, candidate, expected] of cases)
    test(name, () => assert.deepEqual(flags(rules, candidate, undefined), expected));
});

describe('MLflow min_absolute_change cases (test_validation_model_comparison_absolute_threshold_*)', () => {
  const acc = rule('accuracy', { minAbsoluteChange: 0.1 });
  const f1 = rule('f1', { minAbsoluteChange: 0.15 });
  const logLoss = rule('log_loss', { minAbsoluteChange: 0.1 });
  const l1 = rule('mae', { minAbsoluteChange: 0.15 });
  const cases: [
    string,
    MetricRule[],
    Record<string, number>,
    Record<string, number> | undefined,
    Record<string, Flag[]>,
  ][] = [
    [
      'single_metric_not_satisfied_higher_better',
      [acc],
      { accuracy: 0.79 },
      { accuracy: 0.7 },
      { accuracy: ['min_absolute_change'] },
    ],
    [
      'multiple_metrics_not_satisfied_higher_better',
      [acc, f1],
      { accuracy: 0.79, f1: 0.8 },
      { accuracy: 0.7, f1: 0.7 },
      { accuracy: ['min_absolute_change'], f1: ['min_absolute_change'] },
    ],
    [
      'single_metric_not_satisfied_lower_better',
      [l1],
      { mae: 0.5 },
      { mae: 0.6 },
      { mae: ['min_absolute_change'] },
    ],
    [
      'multiple_metrics_not_satisfied_lower_better',
      [l1, logLoss],
      { mae: 0.5, log_loss: 0.45 },
      { mae: 0.6, log_loss: 0.3 },
      { mae: ['min_absolute_change'], log_loss: ['min_absolute_change'] },
    ],
    ['missing_baseline_metric', [l1], { mae: 0.72 }, undefined, { mae: ['missing_baseline'] }],
    [
      'equality_boundary',
      [acc, logLoss],
      { accuracy: 0.8 + 1e-10, log_loss: 0.2 - 1e-10 },
      { accuracy: 0.7, log_loss: 0.3 },
      {},
    ],
    ['single_metric_satisfied_higher_better', [acc], { accuracy: 0.9 + 1e-2 }, { accuracy: 0.8 }, {}],
    ['single_metric_satisfied_lower_better', [logLoss], { log_loss: 0.3 }, { log_loss: 0.4 + 1e-3 }, {}],
    [
      'multiple_metrics_all_satisfied',
      [acc, f1, logLoss],
      { accuracy: 0.9, f1: 0.8, log_loss: 0.3 },
      { accuracy: 0.7, f1: 0.6, log_loss: 0.5 },
      {},
    ],
  ];
  for (const [name, rules, candidate, baseline, expected] of cases)
    test(name, () => assert.deepEqual(flags(rules, candidate, baseline), expected));
});

describe('MLflow min_relative_change cases (test_validation_model_comparison_relative_threshold_*)', () => {
  const acc = rule('accuracy', { minRelativeChange: 0.1 });
  const f1 = rule('f1', { minRelativeChange: 0.15 });
  const logLoss = rule('log_loss', { minRelativeChange: 0.15 });
  const l1 = rule('mae', { minRelativeChange: 0.1 });
  const zero = rule('r2', { minRelativeChange: 0.1 });
  const cases: [
    string,
    MetricRule[],
    Record<string, number>,
    Record<string, number> | undefined,
    Record<string, Flag[]>,
  ][] = [
    [
      'single_metric_not_satisfied_higher_better',
      [acc],
      { accuracy: 0.75 },
      { accuracy: 0.7 },
      { accuracy: ['min_relative_change'] },
    ],
    [
      'multiple_metrics_not_satisfied_higher_better',
      [acc, f1],
      { accuracy: 0.53, f1: 0.8 },
      { accuracy: 0.5, f1: 0.7 },
      { accuracy: ['min_relative_change'], f1: ['min_relative_change'] },
    ],
    [
      'single_metric_not_satisfied_lower_better',
      [l1],
      { mae: 0.55 },
      { mae: 0.6 },
      { mae: ['min_relative_change'] },
    ],
    ['missing_baseline_metric', [l1], { mae: 0.72 }, undefined, { mae: ['missing_baseline'] }],
    [
      'multiple_metrics_not_satisfied_lower_better',
      [l1, logLoss],
      { mae: 0.72 + 1e-3, log_loss: 0.27 + 1e-5 },
      { mae: 0.8, log_loss: 0.3 },
      { mae: ['min_relative_change'], log_loss: ['min_relative_change'] },
    ],
    [
      'equality_boundary',
      [acc, logLoss],
      { accuracy: 0.77, log_loss: 0.3 * 0.85 - 1e-10 },
      { accuracy: 0.7, log_loss: 0.3 },
      {},
    ],
    ['single_metric_satisfied_higher_better', [acc], { accuracy: 0.99 + 1e-10 }, { accuracy: 0.9 }, {}],
    ['single_metric_satisfied_lower_better', [logLoss], { log_loss: 0.3 }, { log_loss: 0.4 }, {}],
    [
      'multiple_metrics_all_satisfied',
      [acc, f1, logLoss],
      { accuracy: 0.9, f1: 0.9, log_loss: 0.3 },
      { accuracy: 0.7, f1: 0.6, log_loss: 0.5 },
      {},
    ],
    ['baseline_metric_value_equals_0_succeeds', [zero], { r2: 1e-10 }, { r2: 0 }, {}],
    ['baseline_metric_value_equals_0_fails', [zero], { r2: 0 }, { r2: 0 }, { r2: ['min_relative_change'] }],
  ];
  for (const [name, rules, candidate, baseline, expected] of cases)
    test(name, () => assert.deepEqual(flags(rules, candidate, baseline), expected));
});

describe('MLflow multi-threshold and end-to-end cases', () => {
  test('single_metric_all_thresholds_failed (test_validation_multi_thresholds_should_fail)', () => {
    const acc = rule('accuracy', { threshold: 0.8, minAbsoluteChange: 0.1, minRelativeChange: 0.1 });
    assert.deepEqual(flags([acc], { accuracy: 0.75 }, { accuracy: 0.7 }), {
      accuracy: ['threshold', 'min_absolute_change', 'min_relative_change'],
    });
  });

  test('test_validation_thresholds_no_mock: recall 1.0 vs 0.0 passes; swapped, the threshold fails', () => {
    const recall = rule('recall', { threshold: 0.9, minAbsoluteChange: 0.1 });
    assert.deepEqual(flags([recall], { recall: 1 }, { recall: 0 }), {});
    assert.deepEqual(flags([recall], { recall: 0 }, { recall: 1 }), {
      recall: ['threshold', 'min_absolute_change'],
    });
  });
});

describe('ours', () => {
  test('a threshold failure is reported beside a missing baseline (MLflow judges the threshold first)', () => {
    const acc = rule('accuracy', { threshold: 0.9, minAbsoluteChange: 0.01 });
    assert.deepEqual(flags([acc], { accuracy: 0.8 }, {}), { accuracy: ['threshold', 'missing_baseline'] });
  });

  test('min_relative_change: 0 without a baseline fails as missing (MLflow would crash on None)', () => {
    const acc = rule('accuracy', { minRelativeChange: 0 });
    assert.deepEqual(flags([acc], { accuracy: 0.8 }, { f1: 0.5 }), { accuracy: ['missing_baseline'] });
    assert.deepEqual(flags([acc], { accuracy: 0.8 }, { accuracy: 0.8 }), {});
  });

  test('lower-is-better zero baseline: the candidate must be at most −1e-10', () => {
    const mae = rule('mae', { minRelativeChange: 0.5 });
    assert.deepEqual(flags([mae], { mae: -1e-10 }, { mae: 0 }), {});
    assert.deepEqual(flags([mae], { mae: 0 }, { mae: 0 }), { mae: ['min_relative_change'] });
  });

  test('the absolute change is summed in double precision before comparing, as MLflow does', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in doubles: a candidate of 0.3 misses it, as in Python.
    const acc = rule('accuracy', { minAbsoluteChange: 0.2 });
    assert.deepEqual(flags([acc], { accuracy: 0.3 }, { accuracy: 0.1 }), {
      accuracy: ['min_absolute_change'],
    });
    assert.deepEqual(flags([acc], { accuracy: 0.30000000000000004 }, { accuracy: 0.1 }), {});
  });

  test('a negative baseline divides by its signed value, as MLflow does', () => {
    // (−0.4 − −0.5) / −0.5 = −0.2: MLflow calls a better r2 a relative loss when production's is negative.
    const r2 = rule('r2', { minRelativeChange: 0.1 });
    assert.deepEqual(flags([r2], { r2: -0.4 }, { r2: -0.5 }), { r2: ['min_relative_change'] });
  });

  test('a candidate metric that is not computable fails its rule with the reason, and nothing else is judged', () => {
    const auc = rule('roc_auc', { threshold: 0.5, minAbsoluteChange: 0.01 });
    const verdict = judgeGate({
      rules: [auc],
      candidate: report({ roc_auc: { notComputable: 'only one class is present in the holdout' } }),
      baseline: report({ roc_auc: 0.7 }),
    });
    assert.equal(verdict.passed, false);
    assert.deepEqual(verdict.failures, [
      'roc_auc is not computable for the candidate: only one class is present in the holdout',
    ]);
  });

  test("production's metric that is not computable fails the change rules with its reason", () => {
    const auc = rule('roc_auc', { threshold: 0.5, minAbsoluteChange: 0.01 });
    const verdict = judgeGate({
      rules: [auc],
      candidate: report({ roc_auc: 0.8 }),
      baseline: report({ roc_auc: { notComputable: 'only one class is present in the holdout' } }),
    });
    assert.deepEqual(
      verdict.judgements[0]!.checks.map((c) => [c.kind, c.passed]),
      [
        ['threshold', true],
        ['baseline', false],
      ],
    );
    assert.match(verdict.failures[0]!, /not computable for the production model \(only one class/);
  });

  test('a metric of another task says so', () => {
    const verdict = judgeGate({
      rules: [rule('roc_auc', { threshold: 0.5 })],
      candidate: { task: 'regression', rows: 10, metrics: { mae: 1 }, slices: [] },
    });
    assert.deepEqual(verdict.failures, [
      "roc_auc is missing from the candidate's metrics: it is a binary metric and the candidate is a regression model",
    ]);
  });

  test('every failure of every rule is reported together, in the order of the rules', () => {
    const verdict = judgeGate({
      rules: [
        rule('accuracy', { threshold: 0.9, minAbsoluteChange: 0.05 }),
        rule('log_loss', { threshold: 0.3 }),
        rule('f1', { threshold: 0.5 }),
      ],
      candidate: report({ accuracy: 0.85, log_loss: 0.4, f1: 0.6 }),
      baseline: report({ accuracy: 0.84, log_loss: 0.5, f1: 0.5 }),
    });
    assert.equal(verdict.passed, false);
    assert.deepEqual(verdict.failures, [
      'accuracy = 0.85 is below the threshold 0.9',
      "accuracy = 0.85 does not exceed production's 0.84 by the minimum absolute change 0.05: it needs ≥ 0.89",
      'log_loss = 0.4 is above the threshold 0.3',
    ]);
  });

  test('different row counts are noted, not failed', () => {
    const verdict = judgeGate({
      rules: [rule('accuracy', { minAbsoluteChange: 0.01 })],
      candidate: report({ accuracy: 0.9 }),
      baseline: { ...report({ accuracy: 0.8 }), rows: 2000 },
    });
    assert.equal(verdict.passed, true);
    assert.match(verdict.notes[0]!, /150 rows and production on 2,000/);
  });
});
