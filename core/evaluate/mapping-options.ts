import type { Task } from '../metrics/predictions.js';

/** How a holdout's columns and a model's outputs map onto predictions (the `evaluate:` settings). */
export interface MappingOptions {
  /** The column of true labels (regression: the target). */
  label: string;
  /** Feature columns in the model's input order; by default every other column in file order. */
  features?: readonly string[];
  /** Columns that are never features: id columns, slice columns, the sensitive column. */
  exclude: readonly string[];
  /** The task, when the model's outputs do not say (a single score) or say wrong. */
  task?: Task;
  /** Binary: the positive class as the label column writes it (default: the model's second class). */
  positiveLabel?: string;
  /** Binary: predict the positive class when its probability is at least this (default: the model's label output, else 0.5). */
  threshold?: number;
  /** A missing feature or label value: an error naming the row, or drop the row and count it. */
  missing: 'error' | 'drop';
}
