import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import type { MulticlassPredictions } from '../../../core/metrics/predictions.js';
import { runScipy } from '../../support/scipy.js';
import { assertMatchesSklearn, SKLEARN_METRICS, type SklearnReference } from './sklearn-reference.js';

interface MulticlassCase {
  name: string;
  classes: string[];
  y: number[];
  proba: number[][];
  pred: number[];
  reference: SklearnReference;
}

// Models fitted on scikit-learn's iris and wine data sets, scored on held-out rows, and variations
// reaching the edges: a class absent from the holdout, ties, probabilities of exactly 0 and 1, one row.
const CASES = `
from sklearn.datasets import load_iris, load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
def fitted(loader, model):
    data = loader()
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.4, random_state=1)
    model.fit(X_train, y_train)
    return [str(c) for c in data.target_names], y_test, model.predict_proba(X_test), model.predict(X_test)
iris = fitted(load_iris, make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)))
wine = fitted(load_wine, GaussianNB())
names, y, proba, pred = iris
no2 = y != 2
tied = np.round(proba, 1)
tied[:, 2] = 1 - tied[:, 0] - tied[:, 1]
stray = pred[no2].copy()
stray[0] = 2
cases = [
    ('iris, logistic regression', iris),
    ('wine, naive Bayes (probabilities of exactly 0 and 1)', wine),
    ('iris without class 2 in the holdout', (names, y[no2], proba[no2], pred[no2])),
    ('class 2 predicted once but absent from the holdout', (names, y[no2], proba[no2], stray)),
    ('probabilities rounded to 1 decimal (ties), rows summing to 1', (names, y, tied, tied.argmax(axis=1))),
    ('probabilities rounded, rows not summing to 1', (names, y, np.round(proba, 1), pred)),
    ('a single row', (names, y[:1], proba[:1], pred[:1])),
    ('one class predicted for every row', (names, y, proba, np.zeros(len(y), dtype=int))),
]
result = [dict(name=name, classes=c, y=yy.tolist(), proba=pp.tolist(), pred=pr.tolist(), reference=multiclass_ref(yy, pp, pr))
          for name, (c, yy, pp, pr) in cases]
`;

function predictions(c: MulticlassCase): MulticlassPredictions {
  return {
    task: 'multiclass',
    classes: c.classes,
    actual: Int32Array.from(c.y),
    probabilities: Float64Array.from(c.proba.flat()),
    predicted: Int32Array.from(c.pred),
  };
}

describe('multiclass metrics against scikit-learn', () => {
  const cases = runScipy(SKLEARN_METRICS + CASES, null) as MulticlassCase[];
  const find = (name: string) => cases.find((c) => c.name.startsWith(name))!;

  for (const c of cases) {
    it(c.name, () => assertMatchesSklearn(c.name, computeMetrics(predictions(c)), c.reference));
  }

  it('reaches the edges it claims to', () => {
    assert.equal(typeof find('iris without class 2').reference.metrics.roc_auc_ovr, 'object');
    assert.equal(typeof find('iris without class 2').reference.metrics.log_loss, 'number');
    assert.equal(typeof find('probabilities rounded, rows not').reference.metrics.roc_auc_ovr, 'object');
    assert.equal(typeof find('one class predicted').reference.metrics.precision_macro, 'object');
    assert.equal(typeof find('class 2 predicted once').reference.metrics.recall_macro, 'object');
    assert.equal(typeof find('class 2 predicted once').reference.metrics.balanced_accuracy, 'object');
    assert.equal(typeof find('class 2 predicted once').reference.metrics.precision_macro, 'number');
    assert.equal(typeof find('probabilities rounded to 1 decimal').reference.metrics.roc_auc_ovr, 'number');
  });

  it('names the absent class', () => {
    assert.deepEqual(computeMetrics(predictions(find('iris without class 2'))).metrics.roc_auc_ovr, {
      notComputable: 'class "virginica" is absent from the holdout, so its one-vs-rest ROC AUC is undefined',
    });
    assert.deepEqual(computeMetrics(predictions(find('one class predicted'))).metrics.precision_macro, {
      notComputable:
        'classes "versicolor", "virginica" are in the holdout but never predicted, so precision is undefined',
    });
  });

  it('names a predicted class the holdout lacks', () => {
    const { metrics } = computeMetrics(predictions(find('class 2 predicted once')));
    const reason = { notComputable: 'class "virginica" is predicted but absent from the holdout' };
    assert.deepEqual(metrics.recall_macro, reason);
    assert.deepEqual(metrics.balanced_accuracy, reason);
  });

  it('gives the confusion matrix over every model class, absent ones included', () => {
    const { confusionMatrix } = computeMetrics(predictions(find('iris without class 2')));
    assert.deepEqual(confusionMatrix?.labels, ['setosa', 'versicolor', 'virginica']);
    assert.equal(confusionMatrix?.counts.length, 3);
  });
});
