import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prepareBootstrap } from '../../../../core/metrics/bootstrap/bootstrap-plan.js';
import { pairedBootstrap } from '../../../../core/metrics/bootstrap/paired-bootstrap.js';
import { computeMetrics } from '../../../../core/metrics/compute-metrics.js';
import { TASK_METRICS } from '../../../../core/metrics/metric-catalog.js';
import type { Predictions } from '../../../../core/metrics/predictions.js';
import { runScipy } from '../../../support/scipy.js';
import { SKLEARN_METRICS } from '../sklearn-reference.js';

// The bootstrap's weighted metrics at unit weights are the exact metrics: the same value (to 1e-12,
// relative; they sum in another order) or not computable both, on every case the exact metrics are
// tested on (test/core/metrics/*-metrics.test.ts, read from those files so the two lists cannot
// drift apart) and a few more the weighted code treats specially.

/** A test file's scikit-learn cases: its `const CASES = \`…\`` Python snippet. */
function casesOf(file: string): string {
  const text = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
  const match = /\nconst CASES = `([^`]*)`;/.exec(text);
  assert.ok(match, `${file} has no CASES snippet`);
  return match[1]!.replaceAll('\\\\', '\\');
}

interface Row {
  name: string;
  y: number[];
  score?: number[];
  pred: number[];
  proba?: number[][];
  classes?: string[];
}

function toPredictions(task: Predictions['task'], c: Row): Predictions {
  if (task === 'binary') {
    return {
      task,
      classes: ['0', '1'],
      actual: Uint8Array.from(c.y),
      score: Float64Array.from(c.score!),
      predicted: Uint8Array.from(c.pred),
    };
  }
  if (task === 'multiclass') {
    return {
      task,
      classes: c.classes!,
      actual: Int32Array.from(c.y),
      probabilities: Float64Array.from(c.proba!.flat()),
      predicted: Int32Array.from(c.pred),
    };
  }
  return { task, actual: Float64Array.from(c.y), predicted: Float64Array.from(c.pred) };
}

const FILES = [
  ['binary', 'binary-metrics.test.ts'],
  ['multiclass', 'multiclass-metrics.test.ts'],
  ['regression', 'regression-metrics.test.ts'],
] as const;

const CASES: [string, Predictions][] = FILES.flatMap(([task, file]) =>
  (runScipy(SKLEARN_METRICS + casesOf(file), null) as Row[]).map((c): [string, Predictions] => [
    `${task}: ${c.name}`,
    toPredictions(task, c),
  ]),
);

const binary = CASES.find(([name]) => name.startsWith('binary'))![1] as Extract<
  Predictions,
  { task: 'binary' }
>;
const multiclass = CASES.find(([name]) => name.startsWith('multiclass'))![1] as Extract<
  Predictions,
  { task: 'multiclass' }
>;
const regression = CASES.find(([name]) => name.startsWith('regression'))![1] as Extract<
  Predictions,
  { task: 'regression' }
>;
const withNaN = (values: Float64Array, at: number, value = NaN) => {
  const copy = values.slice();
  copy[at] = value;
  return copy;
};
CASES.push(
  ['binary: a NaN score', { ...binary, score: withNaN(binary.score, 3) }],
  [
    'binary: an empty holdout',
    { ...binary, actual: new Uint8Array(0), score: new Float64Array(0), predicted: new Uint8Array(0) },
  ],
  [
    'multiclass: an infinite probability',
    { ...multiclass, probabilities: withNaN(multiclass.probabilities, 4, Infinity) },
  ],
  ['regression: a NaN prediction', { ...regression, predicted: withNaN(regression.predicted, 2) }],
  [
    'regression: actuals too far apart for their difference (finite values, infinite error)',
    {
      task: 'regression',
      actual: Float64Array.from([1e308, -1e308, 0]),
      predicted: Float64Array.from([-1e308, 1e308, 0]),
    },
  ],
  [
    'regression: constant actuals whose mean rounds (0.1 ten times)',
    {
      task: 'regression',
      actual: new Float64Array(10).fill(0.1),
      predicted: Float64Array.from({ length: 10 }, (_, i) => i / 50),
    },
  ],
);

describe('weighted metrics at unit weights are computeMetrics', () => {
  for (const [name, predictions] of CASES) {
    it(name, () => {
      const exact = computeMetrics(predictions).metrics;
      const plan = prepareBootstrap(predictions, predictions);
      const point = plan.point.candidate;
      TASK_METRICS[predictions.task].forEach((metric, slot) => {
        const expected = exact[metric]!;
        const value = point[slot]!;
        if (typeof expected !== 'number') {
          assert.ok(
            Number.isNaN(value),
            `${metric}: not computable (${expected.notComputable}), but weighted ${value}`,
          );
          return;
        }
        // computeMetrics answers a plain NaN only where the values overflow (R² as Inf/Inf): the same here.
        if (Number.isNaN(expected)) {
          assert.ok(Number.isNaN(value), `${metric}: NaN, weighted ${value}`);
          return;
        }
        assert.ok(!Number.isNaN(value), `${metric}: ${expected}, but weighted not computable`);
        const scale = Math.max(Math.abs(expected), Math.abs(value));
        assert.ok(
          value === expected || Math.abs(value - expected) <= 1e-12 * scale,
          `${metric}: ${expected}, weighted ${value} (relative ${Math.abs(value - expected) / scale})`,
        );
      });
    });
  }

  it('the paired bootstrap of a model against itself: an interval where computeMetrics has a value, not computable where it has none', () => {
    const [, predictions] = CASES.find(([name]) => name === 'regression: constant actuals')!;
    const result = pairedBootstrap(predictions, predictions, { resamples: 20 });
    assert.match(
      (result.r2 as { notComputable: string }).notComputable,
      /^r2 is not computable for the candidate: .*every actual value is the same/,
    );
    assert.deepEqual(result.mae && 'low' in result.mae && [result.mae.low, result.mae.high], [0, 0]);
  });

  it('reads every case of the exact metrics tests', () => {
    assert.ok(CASES.length >= 26, `${CASES.length} cases`);
  });
});
