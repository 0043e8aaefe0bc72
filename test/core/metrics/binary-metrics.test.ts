import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import type { BinaryPredictions } from '../../../core/metrics/predictions.js';
import { runScipy } from '../../support/scipy.js';
import { assertMatchesSklearn, SKLEARN_METRICS, type SklearnReference } from './sklearn-reference.js';

interface BinaryCase {
  name: string;
  y: number[];
  score: number[];
  pred: number[];
  reference: SklearnReference;
}

// A logistic regression fitted on scikit-learn's breast cancer data set, scored on its held-out 30 %,
// then variations of those predictions that reach every edge sklearn treats specially.
const CASES = `
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X_train, y_train)
score = model.predict_proba(X_test)[:, 1]
pred = model.predict(X_test)
decision = model.decision_function(X_test)
rounded = np.round(score, 1)
cases = [
    ('breast cancer, the model\\'s labels', y_test, score, pred),
    ('scores rounded to 1 decimal (ties), threshold 0.5', y_test, rounded, (rounded >= 0.5).astype(int)),
    ('scores rounded to 0 or 1 (log_loss clipping)', y_test, np.round(score), np.round(score).astype(int)),
    ('decision function as the score (outside [0, 1])', y_test, decision, pred),
    ('only positive rows', y_test[y_test == 1], score[y_test == 1], pred[y_test == 1]),
    ('only negative rows', y_test[y_test == 0], score[y_test == 0], pred[y_test == 0]),
    ('a single row', y_test[:1], score[:1], pred[:1]),
    ('constant score and no positive prediction', y_test, np.full(len(y_test), 0.5), np.zeros(len(y_test), dtype=int)),
    ('every row predicted positive', y_test, score, np.ones(len(y_test), dtype=int)),
    ('negatives only, none predicted positive', y_test[y_test == 0], score[y_test == 0], np.zeros((y_test == 0).sum(), dtype=int)),
    ('perfect separation', y_test, y_test * 0.5 + 0.25, y_test),
]
result = [dict(name=name, y=yy.tolist(), score=ss.tolist(), pred=pp.tolist(), reference=binary_ref(yy, ss, pp))
          for name, yy, ss, pp in cases]
`;

function predictions(c: BinaryCase): BinaryPredictions {
  return {
    task: 'binary',
    classes: ['benign', 'malignant'],
    actual: Uint8Array.from(c.y),
    score: Float64Array.from(c.score),
    predicted: Uint8Array.from(c.pred),
  };
}

describe('binary metrics against scikit-learn', () => {
  const cases = runScipy(SKLEARN_METRICS + CASES, null) as BinaryCase[];

  for (const c of cases) {
    it(c.name, () => assertMatchesSklearn(c.name, computeMetrics(predictions(c)), c.reference));
  }

  it('reaches the edges it claims to (the reference cases are not all plain numbers)', () => {
    const byName = new Map(cases.map((c) => [c.name, c.reference.metrics]));
    assert.ok(typeof byName.get('only positive rows')!.roc_auc === 'object');
    assert.ok(typeof byName.get('constant score and no positive prediction')!.precision === 'object');
    assert.ok(typeof byName.get('decision function as the score (outside [0, 1])')!.brier === 'object');
    assert.ok(typeof byName.get('negatives only, none predicted positive')!.f1 === 'object');
    // Positives only: average precision is 1 (sklearn's sum rounds to 1.0000000000000002), no warning.
    assert.ok(Math.abs((byName.get('only positive rows')!.pr_auc as number) - 1) < 1e-12);
  });

  it('says why, naming the class', () => {
    const onlyPositive = cases.find((c) => c.name === 'only positive rows')!;
    const { metrics } = computeMetrics(predictions(onlyPositive));
    assert.deepEqual(metrics.roc_auc, {
      notComputable: 'only one class ("malignant") is present in the holdout',
    });
    const noPositivePrediction = cases.find((c) => c.name === 'constant score and no positive prediction')!;
    assert.deepEqual(computeMetrics(predictions(noPositivePrediction)).metrics.precision, {
      notComputable: 'no row is predicted as the positive class "malignant"',
    });
  });

  it('labels the confusion matrix in class order, true classes as rows', () => {
    const { confusionMatrix } = computeMetrics(predictions(cases[0]!));
    assert.deepEqual(confusionMatrix?.labels, ['benign', 'malignant']);
  });

  it('reports NaN scores and an empty holdout as not computable', () => {
    const { metrics } = computeMetrics({
      task: 'binary',
      classes: ['0', '1'],
      actual: Uint8Array.from([0, 1]),
      score: Float64Array.from([0.2, NaN]),
      predicted: Uint8Array.from([0, 1]),
    });
    assert.equal(metrics.accuracy, 1);
    for (const name of ['roc_auc', 'pr_auc', 'log_loss', 'brier'] as const) {
      assert.deepEqual(metrics[name], { notComputable: 'some scores are NaN or infinite' });
    }
    const empty = computeMetrics({
      task: 'binary',
      classes: ['0', '1'],
      actual: new Uint8Array(0),
      score: new Float64Array(0),
      predicted: new Uint8Array(0),
    });
    assert.deepEqual(empty.metrics.accuracy, { notComputable: 'the holdout has no rows' });
  });
});
