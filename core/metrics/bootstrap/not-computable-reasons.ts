import type { MetricName } from '../metric-catalog.js';

/**
 * Why a metric has no value on a set of rows (the whole holdout, or one resample of it), for the
 * conditions under which the weighted metrics answer NaN — scikit-learn's warnings and NaNs.
 */
export const NOT_COMPUTABLE_WHEN: Record<MetricName, string> = {
  accuracy: 'there are no rows',
  precision: 'no row is predicted positive',
  recall: 'no row is of the positive class',
  f1: 'no row is of the positive class or predicted positive',
  roc_auc: 'the rows hold only one class',
  pr_auc: 'no row is of the positive class',
  log_loss: 'there are no rows',
  brier: 'there are no rows',
  balanced_accuracy: 'a predicted class never occurs among the actual labels',
  f1_macro: 'there are no rows',
  f1_weighted: 'there are no rows',
  precision_macro: 'a class that occurs among the actual labels is never predicted',
  recall_macro: 'a predicted class never occurs among the actual labels',
  roc_auc_ovr: 'some class is absent from the actual labels, or every row is of it',
  mae: 'there are no rows',
  mse: 'there are no rows',
  rmse: 'there are no rows',
  r2: 'there are fewer than two rows',
  mape: 'there are no rows',
  max_error: 'there are no rows',
  median_ae: 'there are no rows',
};
