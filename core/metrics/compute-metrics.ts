import { binaryMetrics } from './binary-metrics.js';
import type { MetricName } from './metric-catalog.js';
import type { ConfusionMatrix, MetricValue } from './metric-value.js';
import { multiclassMetrics } from './multiclass-metrics.js';
import type { Predictions } from './predictions.js';
import { regressionMetrics } from './regression-metrics.js';

export interface ComputedMetrics {
  /** Every metric of the task (TASK_METRICS), a number or why it has none. */
  metrics: Partial<Record<MetricName, MetricValue>>;
  /** For classification: counts by true (rows) and predicted (columns) class. */
  confusionMatrix?: ConfusionMatrix;
}

/** The task's metrics, each equal to scikit-learn's on the same predictions (see the task's file). */
export function computeMetrics(predictions: Predictions): ComputedMetrics {
  switch (predictions.task) {
    case 'binary':
      return binaryMetrics(predictions);
    case 'multiclass':
      return multiclassMetrics(predictions);
    case 'regression':
      return { metrics: regressionMetrics(predictions) };
  }
}
