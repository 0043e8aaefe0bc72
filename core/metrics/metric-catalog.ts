import type { Task } from './predictions.js';

export interface MetricInfo {
  task: Task;
  /** Losses and errors are lower-is-better, so gate rules need not say it (MLflow's `greater_is_better`). */
  greaterIsBetter: boolean;
  /** What the metric is, for help text and reports. */
  description: string;
}

/** Every metric Modelship computes, by the exact name users write in gates and read in reports. */
export const METRIC_CATALOG = {
  accuracy: { task: 'binary', greaterIsBetter: true, description: 'share of rows predicted correctly' },
  precision: { task: 'binary', greaterIsBetter: true, description: 'precision of the positive class' },
  recall: { task: 'binary', greaterIsBetter: true, description: 'recall of the positive class' },
  f1: { task: 'binary', greaterIsBetter: true, description: 'F1 score of the positive class' },
  roc_auc: { task: 'binary', greaterIsBetter: true, description: 'area under the ROC curve' },
  pr_auc: {
    task: 'binary',
    greaterIsBetter: true,
    description: 'average precision (area under the precision-recall curve)',
  },
  log_loss: {
    task: 'binary',
    greaterIsBetter: false,
    description: 'cross-entropy of the predicted probabilities',
  },
  brier: {
    task: 'binary',
    greaterIsBetter: false,
    description: 'Brier score of the positive-class probability',
  },
  balanced_accuracy: { task: 'multiclass', greaterIsBetter: true, description: 'mean recall over classes' },
  f1_macro: { task: 'multiclass', greaterIsBetter: true, description: 'unweighted mean of per-class F1' },
  f1_weighted: { task: 'multiclass', greaterIsBetter: true, description: 'per-class F1 weighted by support' },
  precision_macro: {
    task: 'multiclass',
    greaterIsBetter: true,
    description: 'unweighted mean of per-class precision',
  },
  recall_macro: {
    task: 'multiclass',
    greaterIsBetter: true,
    description: 'unweighted mean of per-class recall',
  },
  roc_auc_ovr: {
    task: 'multiclass',
    greaterIsBetter: true,
    description: 'one-vs-rest ROC AUC, macro-averaged',
  },
  mae: { task: 'regression', greaterIsBetter: false, description: 'mean absolute error' },
  mse: { task: 'regression', greaterIsBetter: false, description: 'mean squared error' },
  rmse: { task: 'regression', greaterIsBetter: false, description: 'root mean squared error' },
  r2: { task: 'regression', greaterIsBetter: true, description: 'coefficient of determination' },
  mape: {
    task: 'regression',
    greaterIsBetter: false,
    description: 'mean absolute percentage error (a fraction, as scikit-learn)',
  },
  max_error: { task: 'regression', greaterIsBetter: false, description: 'largest absolute error' },
  median_ae: { task: 'regression', greaterIsBetter: false, description: 'median absolute error' },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRIC_CATALOG;

/**
 * The metrics of each task, in report order. accuracy, log_loss are shared by binary and
 * multiclass (the catalog lists a metric once, under the task it was first defined for).
 */
export const TASK_METRICS: Record<Task, readonly MetricName[]> = {
  binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'],
  multiclass: [
    'accuracy',
    'balanced_accuracy',
    'f1_macro',
    'f1_weighted',
    'precision_macro',
    'recall_macro',
    'log_loss',
    'roc_auc_ovr',
  ],
  regression: ['mae', 'mse', 'rmse', 'r2', 'mape', 'max_error', 'median_ae'],
};

export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRIC_CATALOG, name);
}
