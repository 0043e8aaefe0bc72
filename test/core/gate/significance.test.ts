import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeMetricRule } from '../../../core/gate/judge-metric-rule.js';
import type { MetricRule, Significance } from '../../../core/gate/metric-rule.js';
import { METRIC_CATALOG, type MetricName } from '../../../core/metrics/metric-catalog.js';
import type { DifferenceInterval } from '../../../core/metrics/metric-value.js';

function judge(metric: MetricName, significance: Significance, interval?: Partial<DifferenceInterval>) {
  const rule: MetricRule = {
    metric,
    greaterIsBetter: METRIC_CATALOG[metric].greaterIsBetter,
    significance,
    confidence: 0.95,
  };
  return judgeMetricRule(rule, {
    candidate: 0.5,
    baseline: 0.5,
    interval: interval && { difference: 0, low: 0, high: 0, confidence: 0.95, ...interval },
  });
}

const improvement: Significance = { kind: 'improvement' };

test('improvement, greater is better: the low bound must be above 0 (strictly)', () => {
  assert.equal(judge('roc_auc', improvement, { difference: 0.004, low: 0.001, high: 0.007 }).passed, true);
  assert.equal(judge('roc_auc', improvement, { difference: 0.004, low: 0, high: 0.008 }).passed, false);
  const failed = judge('roc_auc', improvement, { difference: 0.004, low: -0.002, high: 0.01 });
  assert.deepEqual(failed.failures, [
    'the improvement of roc_auc is not significant at 95%: candidate − production = +0.004, 95% interval [−0.002, +0.01] reaches down to −0.002',
  ]);
});

test('improvement, lower is better: mirrored, the high bound must be below 0', () => {
  assert.equal(judge('log_loss', improvement, { difference: -0.02, low: -0.03, high: -0.01 }).passed, true);
  assert.equal(judge('log_loss', improvement, { difference: -0.02, low: -0.03, high: 0 }).passed, false);
  // An interval wholly above 0 is a significant *worsening* of a loss: not an improvement.
  assert.equal(judge('log_loss', improvement, { difference: 0.02, low: 0.01, high: 0.03 }).passed, false);
});

test('non-inferior: the bound on the worse side may reach the margin, not beyond', () => {
  const margin: Significance = { kind: 'non-inferior', margin: 0.005 };
  assert.equal(judge('accuracy', margin, { difference: -0.001, low: -0.004, high: 0.002 }).passed, true);
  assert.equal(judge('accuracy', margin, { difference: -0.001, low: -0.005, high: 0.002 }).passed, true);
  const failed = judge('accuracy', margin, { difference: -0.002, low: -0.009, high: 0.004 });
  assert.equal(failed.passed, false);
  assert.match(
    failed.failures[0]!,
    /worse than production by more than the non-inferiority margin 0.005 at 95%/,
  );
  // Lower is better: the high bound is the worse side.
  assert.equal(judge('rmse', margin, { difference: 0.001, low: -0.01, high: 0.005 }).passed, true);
  assert.equal(judge('rmse', margin, { difference: 0.001, low: -0.01, high: 0.0051 }).passed, false);
});

test('no interval (metrics files only) or one that is not computable fails with the reason', () => {
  assert.match(judge('f1', improvement).failures[0]!, /needs both models evaluated on the same holdout/);
  const rule: MetricRule = {
    metric: 'f1',
    greaterIsBetter: true,
    significance: improvement,
    confidence: 0.95,
  };
  const judged = judgeMetricRule(rule, {
    candidate: 0.5,
    baseline: 0.4,
    interval: { notComputable: 'F1 is undefined in 40% of the resamples' },
  });
  assert.deepEqual(judged.failures, [
    "the significance of f1's difference cannot be judged: F1 is undefined in 40% of the resamples",
  ]);
});

test('significance without a production value fails as a comparison with no baseline', () => {
  const rule: MetricRule = {
    metric: 'f1',
    greaterIsBetter: true,
    significance: improvement,
    confidence: 0.95,
  };
  const judged = judgeMetricRule(rule, { candidate: 0.5, baseline: undefined });
  assert.deepEqual(
    judged.checks.map((c) => c.kind),
    ['baseline'],
  );
});
