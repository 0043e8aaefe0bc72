/**
 * A metric's value, or why it has none. Where scikit-learn warns or answers NaN (AUC with one
 * class present, precision with no positive prediction), we say so instead of printing a number.
 */
export type MetricValue = number | NotComputable;

export interface NotComputable {
  /** One sentence a user can act on, e.g. "only one class is present in the holdout". */
  notComputable: string;
}

export function isComputable(value: MetricValue | undefined): value is number {
  return typeof value === 'number';
}

/** counts[i][j]: rows whose true class is labels[i] and predicted class labels[j] (scikit-learn's layout). */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

/** candidate − baseline for one metric, with its paired-bootstrap interval at `confidence`. */
export interface DifferenceInterval {
  difference: number;
  low: number;
  high: number;
  confidence: number;
}
