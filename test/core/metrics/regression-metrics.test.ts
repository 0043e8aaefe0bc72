import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import type { RegressionPredictions } from '../../../core/metrics/predictions.js';
import { runScipy } from '../../support/scipy.js';
import { assertMatchesSklearn, SKLEARN_METRICS, type SklearnReference } from './sklearn-reference.js';

interface RegressionCase {
  name: string;
  y: number[];
  pred: number[];
  reference: SklearnReference;
}

// A linear regression fitted on scikit-learn's diabetes data set, scored on held-out rows, and
// variations: zeros among the actuals (mape's epsilon), odd and even row counts (the median), one row,
// constant actuals.
const CASES = `
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
X, y = load_diabetes(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=2)
pred = LinearRegression().fit(X_train, y_train).predict(X_test)
zeros = y_test.copy()
zeros[::10] = 0
cases = [
    ('diabetes, linear regression (%d rows)' % len(y_test), y_test, pred),
    ('one row fewer (the other parity for the median)', y_test[1:], pred[1:]),
    ('zeros among the actuals', zeros, pred),
    ('a perfect prediction at a zero actual', np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.5, 2.5])),
    ('a single row', y_test[:1], pred[:1]),
    ('constant actuals', np.full(20, 150.0), pred[:20]),
    ('constant actuals, perfect predictions', np.full(20, 150.0), np.full(20, 150.0)),
]
result = [dict(name=name, y=yy.tolist(), pred=pp.tolist(), reference=regression_ref(yy, pp)) for name, yy, pp in cases]
`;

function predictions(c: RegressionCase): RegressionPredictions {
  return { task: 'regression', actual: Float64Array.from(c.y), predicted: Float64Array.from(c.pred) };
}

describe('regression metrics against scikit-learn', () => {
  const cases = runScipy(SKLEARN_METRICS + CASES, null) as RegressionCase[];

  for (const c of cases) {
    // Constant actuals: sklearn's force_finite prints 0.0 or 1.0 silently; we say R² is undefined.
    const departures = c.name.startsWith('constant actuals') ? (['r2'] as const) : [];
    it(c.name, () => assertMatchesSklearn(c.name, computeMetrics(predictions(c)), c.reference, departures));
  }

  it('reports R² of constant actuals as not computable where sklearn prints a convention', () => {
    const constant = cases.filter((c) => c.name.startsWith('constant actuals'));
    assert.deepEqual(
      constant.map((c) => c.reference.metrics.r2),
      [0, 1],
    );
    for (const c of constant) {
      assert.deepEqual(computeMetrics(predictions(c)).metrics.r2, {
        notComputable: 'every actual value is 150, so R² has no variation to explain',
      });
    }
  });

  it('reaches the edges it claims to', () => {
    assert.equal(typeof cases.find((c) => c.name === 'a single row')!.reference.metrics.r2, 'object');
    assert.ok(
      (cases.find((c) => c.name === 'zeros among the actuals')!.reference.metrics.mape as number) > 1e15,
    );
  });

  it('reports NaN input and an empty holdout as not computable', () => {
    const nan = computeMetrics({
      task: 'regression',
      actual: Float64Array.from([1, NaN]),
      predicted: Float64Array.from([1, 2]),
    });
    assert.deepEqual(nan.metrics.mae, { notComputable: 'some actual values are NaN or infinite' });
    const empty = computeMetrics({
      task: 'regression',
      actual: new Float64Array(0),
      predicted: new Float64Array(0),
    });
    assert.deepEqual(empty.metrics.r2, { notComputable: 'the holdout has no rows' });
  });
});
