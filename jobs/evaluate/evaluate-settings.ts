import type { Task } from '../../core/metrics/predictions.js';

/** A slice: one per value of a categorical column, or numeric bins `[edge, next edge)`, the last closed. */
export type SliceSetting = string | { column: string; bins: number[] };

/** What one evaluation uses: the model, the labelled holdout, and how they map onto each other. */
export interface EvaluateSettings {
  /** The candidate model: a path or an `s3://` URI of an .onnx file. */
  model: string;
  /** The labelled holdout: a file, glob or `s3://` location (CSV, JSON Lines, Parquet). */
  data: string;
  label: string;
  /** Feature columns in the model's input order; by default every other column in file order. */
  features?: string[];
  /** Columns that identify rows, never features. */
  idColumns: string[];
  slices: SliceSetting[];
  /** A column of group membership, for the fairness differences. */
  sensitive?: string;
  task?: Task;
  positiveLabel?: string;
  threshold?: number;
  missing: 'error' | 'drop';
  /** Rows timed one at a time after warm-up, for the latency percentiles. */
  latencySample: number;
  /** Where to write the JSON result, if anywhere (never over an input). */
  output?: string;
}
