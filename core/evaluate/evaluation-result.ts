import type { FairnessMetrics } from '../metrics/fairness.js';
import type { MetricName } from '../metrics/metric-catalog.js';
import type { ConfusionMatrix, MetricValue } from '../metrics/metric-value.js';
import type { Task } from '../metrics/predictions.js';

/** One slice's metrics: a value (or bin) of a slice column, its row count, every metric of the task. */
export interface SliceResult {
  column: string;
  value: string;
  rows: number;
  metrics: Partial<Record<MetricName, MetricValue>>;
  confusionMatrix?: ConfusionMatrix;
}

export interface LatencyResult {
  /** Single-row inference, in milliseconds, after warm-up. */
  p50: number;
  p95: number;
  p99: number;
  /** Rows timed one at a time. */
  sample: number;
  /** Rows per second through the model in batches of `batchRows`. */
  throughput: number;
  batchRows: number;
  cpu: { model: string; threads: number };
  /** Which runtime ran the model (native or WebAssembly, and where it came from). */
  runtime: string;
}

/** What an evaluation found: the report every adapter renders (CLI JSON and text, the action's outputs). */
export interface EvaluationResult {
  model: string;
  data: string;
  task: Task;
  /** Rows evaluated (after any dropped for missing values). */
  rows: number;
  dropped: number;
  metrics: Partial<Record<MetricName, MetricValue>>;
  confusionMatrix?: ConfusionMatrix;
  latency: LatencyResult;
  slices: SliceResult[];
  fairness?: FairnessMetrics & { column: string };
}
