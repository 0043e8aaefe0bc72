import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { parseYamlWithSchema } from '../../../core/config/parse-yaml.js';
import { metricRules } from '../../../core/gate/metric-rule.js';
import { isUserError, UserError } from '../../../core/errors.js';

const FILE = '.github/modelship.yml';

function problems(text: string): { message: string; details: readonly string[]; error: UserError } {
  try {
    parseYamlWithSchema(text, FILE, modelshipConfigSchema);
  } catch (error) {
    assert.ok(isUserError(error));
    return { message: error.message, details: [error.message, ...error.details], error };
  }
  assert.fail('the configuration was accepted');
}

test('gate rules read with defaults; greater_is_better comes from the catalog', () => {
  const config = parseYamlWithSchema(
    `gate:
  name: churn
  metrics:
    roc_auc:
      threshold: 0.8
      min_absolute_change: 0.001
      significance: improvement
    log_loss:
      min_relative_change: 0.05
      significance: { non-inferior: 0.01 }
      confidence: 0.9
`,
    FILE,
    modelshipConfigSchema,
  );
  assert.equal(config.gate.resamples, 1000);
  assert.equal(config.gate['check-name'], 'Modelship gate');
  assert.deepEqual(metricRules(config.gate), [
    {
      metric: 'roc_auc',
      threshold: 0.8,
      minAbsoluteChange: 0.001,
      greaterIsBetter: true,
      significance: { kind: 'improvement' },
      confidence: 0.95,
    },
    {
      metric: 'log_loss',
      minRelativeChange: 0.05,
      greaterIsBetter: false,
      significance: { kind: 'non-inferior', margin: 0.01 },
      confidence: 0.9,
    },
  ]);
});

test('every mistake in the gate section is reported at once, each at its line', () => {
  const { error } = problems(`gate:
  metrics:
    rocauc:
      threshold: 0.8
    log_loss:
      greater_is_better: true
      min_relative_change: 1.5
    f1: {}
    accuracy:
      min_absolute_change: 0
    precision:
      significance: better
`);
  assert.equal(error.location.file, FILE);
  const text = [error.message, ...error.details].join('\n');
  assert.match(text, /line 3, gate\.metrics\.rocauc: unknown metric "rocauc" \(did you mean "roc_auc"\?\)/);
  assert.match(text, /line 7, gate\.metrics\.log_loss\.min_relative_change: must be between 0 and 1/);
  assert.match(text, /line 6, gate\.metrics\.log_loss\.greater_is_better: log_loss is lower-is-better/);
  assert.match(text, /line 8, gate\.metrics\.f1: no rule for f1/);
  assert.match(text, /line 10, gate\.metrics\.accuracy\.min_absolute_change: must be a positive number/);
  assert.match(
    text,
    /line 12, gate\.metrics\.precision\.significance: must be "improvement" or \{ non-inferior: margin \}/,
  );
  assert.equal(error.details.length, 6);
});

test('the seed is a 32-bit integer, as the bootstrap takes it', () => {
  assert.match(
    problems('gate:\n  seed: 4294967296\n  metrics:\n    f1: { threshold: 0.5 }\n').details.join('\n'),
    /line 2, gate\.seed: must be an integer from 0 to 4294967295/,
  );
});

test('a metric name far from every known one lists them', () => {
  const { details } = problems('gate:\n  metrics:\n    goodness: { threshold: 1 }\n');
  assert.match(details.join('\n'), /unknown metric "goodness"; the metrics are: accuracy, precision/);
});

test('min_relative_change accepts 0 and 1 (inclusive, as MLflow)', () => {
  for (const value of [0, 1])
    parseYamlWithSchema(
      `gate:\n  metrics:\n    f1: { min_relative_change: ${value} }\n`,
      FILE,
      modelshipConfigSchema,
    );
  assert.match(
    problems('gate:\n  metrics:\n    f1: { min_relative_change: -0.1 }\n').details.join('\n'),
    /line 3, gate\.metrics\.f1\.min_relative_change: must be between 0 and 1/,
  );
});

test('evaluate: slices by column or numeric bins; bins must increase', () => {
  const config = parseYamlWithSchema(
    `evaluate:
  label: churned
  id-columns: [customer_id]
  slices: [plan, { column: age, bins: [0, 18, 65, 120] }]
  sensitive: gender
  positive-label: yes
  threshold: 0.3
  missing: drop
`,
    FILE,
    modelshipConfigSchema,
  );
  assert.deepEqual(config.evaluate.slices, ['plan', { column: 'age', bins: [0, 18, 65, 120] }]);
  assert.equal(config.evaluate['latency-sample'], 200);
  assert.equal(config.evaluate['positive-label'], 'yes');
  const { details } = problems(
    'evaluate:\n  slices:\n    - { column: age, bins: [10, 5] }\n  missing: skip\n',
  );
  assert.match(details.join('\n'), /line 3, evaluate\.slices\[0\]\.bins: the edges must increase strictly/);
  assert.match(details.join('\n'), /line 4, evaluate\.missing:/);
});

// MLflow's test_metric_threshold_class_should_fail, by case name: what MetricThreshold's constructor
// refuses, the gate: section refuses, at the rule's line. (min_relative_change_is_not_float is
// Python's int/float distinction, and greater_is_better_is_not_defined cannot happen: the catalog
// knows every metric's direction.)
for (const [name, rule, message] of [
  ['threshold_is_not_number', '{ threshold: string }', /threshold: Invalid input: expected number/],
  [
    'min_absolute_change_is_not_number',
    '{ min_absolute_change: string }',
    /min_absolute_change: Invalid input: expected number/,
  ],
  [
    'min_absolute_change_is_not_positive',
    '{ min_absolute_change: -1 }',
    /min_absolute_change: must be a positive number/,
  ],
  [
    'min_relative_change_is_not_between_0_and_1',
    '{ min_relative_change: -0.1 }',
    /min_relative_change: must be between 0 and 1/,
  ],
  [
    'greater_is_better_is_not_bool',
    '{ threshold: 1, greater_is_better: 1 }',
    /greater_is_better: Invalid input: expected boolean/,
  ],
  ['no_threshold', '{ confidence: 0.9 }', /accuracy: no rule for accuracy/],
] as const)
  test(`MLflow ${name}`, () => {
    const { details } = problems(`gate:\n  metrics:\n    accuracy: ${rule}\n`);
    assert.match(details.join('\n'), message);
    assert.match(details.join('\n'), /line 3, gate\.metrics\.accuracy/);
    assert.equal(details.length, 2, 'the summary line and exactly one problem');
  });
