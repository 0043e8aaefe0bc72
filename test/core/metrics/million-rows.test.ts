import { describe, it } from 'node:test';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import type { BinaryPredictions, RegressionPredictions } from '../../../core/metrics/predictions.js';
import { runScipy } from '../../support/scipy.js';
import { seededUniform } from '../drift/stats/sample-cases.js';
import { assertMatchesSklearn, SKLEARN_METRICS, type SklearnReference } from './sklearn-reference.js';

const ROWS = 1_000_000;

function normal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * A million rows where summation order and rounding matter: scores from a noisy logistic model
 * rounded to 1e-4 (about 10,000 distinct values, so nearly every score is tied), some at exactly 0
 * and 1, right and wrong (log_loss's clipping); regression targets of mixed magnitude with zeros among them.
 */
function holdout(): { binary: BinaryPredictions; regression: RegressionPredictions } {
  const uniform = seededUniform(20261129);
  const actual = new Uint8Array(ROWS);
  const score = new Float64Array(ROWS);
  const target = new Float64Array(ROWS);
  const estimate = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    actual[i] = uniform() < 0.2 ? 1 : 0;
    const logit = 3 * actual[i]! - 1.5 + 2 * normal(uniform);
    const certain = i % 1000 === 0 ? actual[i]! : i % 1000 === 500 ? 1 - actual[i]! : -1;
    score[i] = certain >= 0 ? certain : Math.round(1e4 / (1 + Math.exp(-logit))) / 1e4;
    target[i] = i % 997 === 0 ? 0 : Math.exp(3 * normal(uniform));
    estimate[i] = target[i]! * (1 + 0.1 * normal(uniform)) + 0.01 * normal(uniform);
  }
  const predicted = Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0));
  return {
    binary: { task: 'binary', classes: ['0', '1'], actual, score, predicted },
    regression: { task: 'regression', actual: target, predicted: estimate },
  };
}

describe('a million rows against scikit-learn', () => {
  const { binary, regression } = holdout();
  const reference = runScipy(
    `${SKLEARN_METRICS}
y = arrays['actual']
result = {'binary': binary_ref(y, arrays['score'], (arrays['score'] >= 0.5).astype(int)),
          'regression': regression_ref(arrays['target'], arrays['estimate'])}`,
    null,
    {
      actual: Float64Array.from(binary.actual),
      score: binary.score,
      target: regression.actual,
      estimate: regression.predicted,
    },
  ) as { binary: SklearnReference; regression: SklearnReference };

  it('binary metrics agree to 1e-9', () => {
    assertMatchesSklearn('1M binary rows', computeMetrics(binary), reference.binary);
  });

  it('regression metrics agree to 1e-9', () => {
    assertMatchesSklearn('1M regression rows', computeMetrics(regression), reference.regression);
  });
});
