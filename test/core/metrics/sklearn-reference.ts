import assert from 'node:assert/strict';
import type { MetricName } from '../../../core/metrics/metric-catalog.js';
import type { ConfusionMatrix, MetricValue } from '../../../core/metrics/metric-value.js';

/**
 * What scikit-learn said about one metric: a number it computed silently, or the warning or error it
 * gave instead (a number printed with a warning is not a number we report).
 */
export type SklearnValue = number | { warning: string; value: number } | { error: string };

export interface SklearnReference {
  metrics: Partial<Record<MetricName, SklearnValue>>;
  confusion?: number[][];
}

/**
 * Python defining `ref(fn)` (runs one sklearn call, recording warnings and ValueErrors) and one
 * function per task computing every Modelship metric with the call a Python user would write.
 * Labels travel as class indices (ints), so `pos_label=1` and `labels=range(k)` name the classes.
 */
export const SKLEARN_METRICS = `
import warnings
import numpy as np
from sklearn import metrics as M

def ref(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            value = float(fn())
        except ValueError as e:
            return {'error': str(e)}
    if caught:
        return {'warning': str(caught[0].message), 'value': value}
    return value

def binary_ref(y, score, pred):
    y, score, pred = np.asarray(y, dtype=int), np.asarray(score, dtype=float), np.asarray(pred, dtype=int)
    return {'metrics': {
        'accuracy': ref(lambda: M.accuracy_score(y, pred)),
        'precision': ref(lambda: M.precision_score(y, pred, pos_label=1)),
        'recall': ref(lambda: M.recall_score(y, pred, pos_label=1)),
        'f1': ref(lambda: M.f1_score(y, pred, pos_label=1)),
        'roc_auc': ref(lambda: M.roc_auc_score(y, score)),
        'pr_auc': ref(lambda: M.average_precision_score(y, score, pos_label=1)),
        'log_loss': ref(lambda: M.log_loss(y, score, labels=[0, 1])),
        'brier': ref(lambda: M.brier_score_loss(y, score, pos_label=1)),
    }, 'confusion': M.confusion_matrix(y, pred, labels=[0, 1]).tolist()}

def multiclass_ref(y, proba, pred):
    y, proba, pred = np.asarray(y, dtype=int), np.asarray(proba, dtype=float), np.asarray(pred, dtype=int)
    k = proba.shape[1]
    return {'metrics': {
        'accuracy': ref(lambda: M.accuracy_score(y, pred)),
        'balanced_accuracy': ref(lambda: M.balanced_accuracy_score(y, pred)),
        'f1_macro': ref(lambda: M.f1_score(y, pred, average='macro')),
        'f1_weighted': ref(lambda: M.f1_score(y, pred, average='weighted')),
        'precision_macro': ref(lambda: M.precision_score(y, pred, average='macro')),
        'recall_macro': ref(lambda: M.recall_score(y, pred, average='macro')),
        'log_loss': ref(lambda: M.log_loss(y, proba, labels=list(range(k)))),
        'roc_auc_ovr': ref(lambda: M.roc_auc_score(y, proba, multi_class='ovr', average='macro', labels=list(range(k)))),
    }, 'confusion': M.confusion_matrix(y, pred, labels=list(range(k))).tolist()}

def regression_ref(y, pred):
    y, pred = np.asarray(y, dtype=float), np.asarray(pred, dtype=float)
    return {'metrics': {
        'mae': ref(lambda: M.mean_absolute_error(y, pred)),
        'mse': ref(lambda: M.mean_squared_error(y, pred)),
        'rmse': ref(lambda: M.mean_squared_error(y, pred, squared=False)),
        'r2': ref(lambda: M.r2_score(y, pred)),
        'mape': ref(lambda: M.mean_absolute_percentage_error(y, pred)),
        'max_error': ref(lambda: M.max_error(y, pred)),
        'median_ae': ref(lambda: M.median_absolute_error(y, pred)),
    }}
`;

/** The relative agreement the issue asks for. */
export const TOLERANCE = 1e-9;

/**
 * Every metric sklearn computed silently is a number within TOLERANCE (relative) of sklearn's; every
 * metric it warned about or refused is not computable, with a reason. `departures` lists metrics where
 * we knowingly report "not computable" for a number sklearn prints silently (asserted separately).
 */
export function assertMatchesSklearn(
  what: string,
  ours: { metrics: Partial<Record<MetricName, MetricValue>>; confusionMatrix?: ConfusionMatrix },
  reference: SklearnReference,
  departures: readonly MetricName[] = [],
): void {
  for (const [name, expected] of Object.entries(reference.metrics) as [MetricName, SklearnValue][]) {
    const actual = ours.metrics[name];
    const label = `${what}: ${name}`;
    assert.ok(actual !== undefined, `${label} is missing`);
    if (typeof expected === 'number' && !departures.includes(name)) {
      assert.equal(
        typeof actual,
        'number',
        `${label}: sklearn computed ${expected}, we said ${JSON.stringify(actual)}`,
      );
      const error = Math.abs((actual as number) - expected);
      assert.ok(
        error <= TOLERANCE * Math.abs(expected),
        `${label}: ${String(actual)} vs sklearn ${expected} (relative error ${error / Math.abs(expected)})`,
      );
    } else {
      assert.equal(
        typeof actual,
        'object',
        `${label}: sklearn said ${JSON.stringify(expected)}, we computed ${String(actual)}`,
      );
      const reason = (actual as { notComputable: string }).notComputable;
      assert.ok(
        reason.length > 10 && !reason.includes('undefined undefined'),
        `${label}: reason "${reason}"`,
      );
    }
  }
  if (reference.confusion)
    assert.deepEqual(ours.confusionMatrix?.counts, reference.confusion, `${what}: confusion matrix`);
}
