/**
 * What a drift run finds — the contract between the drift engine and everything that shows it
 * (CLI JSON, check run, job summary, HTML report).
 */
import type { DriftTestName } from './drift-tests.js';

/** numerical: compared as numbers; categorical: compared as category frequencies (binary is categorical with 2 values). */
export type DriftColumnKind = 'numerical' | 'categorical';

export type ColumnStatus =
  | 'tested'
  /** Skipped by configuration. */
  | 'skipped'
  /** No value left on one side after dropping missing and infinite values. */
  | 'empty'
  | 'missing-in-reference'
  | 'missing-in-current';

export interface SampleSummary {
  /** Rows, including missing values. */
  rows: number;
  /** Missing or infinite values dropped before testing. */
  missing: number;
  /** numerical columns */
  mean?: number;
  std?: number;
  min?: number;
  p25?: number;
  median?: number;
  p75?: number;
  max?: number;
  /** categorical columns: distinct values and the most frequent ones with their counts. */
  distinct?: number;
  top?: Array<{ value: string; count: number }>;
}

/** Counts per bin on a shared axis, for charts. */
export interface DriftHistogram {
  /** 'bins': numeric edges (length = counts + 1); 'categories': one label per count. */
  axis: 'bins' | 'categories';
  edges?: number[];
  labels?: string[];
  reference: number[];
  current: number[];
}

export interface ColumnDrift {
  column: string;
  /** Inferred data type of the column (integer, float, boolean, string, timestamp). */
  dataType: string;
  kind: DriftColumnKind;
  status: ColumnStatus;
  test?: DriftTestName;
  statistic?: number;
  /** Present for tests that produce a p-value. */
  pValue?: number;
  /** p-value tests: drift when p < threshold (p ≤ for ks); distance tests: drift when statistic ≥ threshold. */
  threshold?: number;
  /** Which number the threshold applies to. */
  thresholdOn?: 'p_value' | 'statistic';
  drift: boolean;
  /** How far past its threshold the column is (0 when not drifted); used to sort by severity. */
  severity: number;
  reference: SampleSummary;
  current: SampleSummary;
  histogram?: DriftHistogram;
  /** Why a column was not tested, in words. */
  note?: string;
}

export interface DatasetDrift {
  /**
   * The verdict: the drifted share reached drift-share, or the comparison failed — no column could
   * be tested, or missingShare > maxMissingShare. A gate that compared nothing, or not the columns
   * the model needs, must not pass.
   */
  drift: boolean;
  /** Reference columns the current data lacks (ignored ones aside). */
  missingInCurrent: string[];
  /** Columns only the current data has. */
  missingInReference: string[];
  /** Reference columns (ignored ones aside); the share of them missing from the current data, and the share allowed. */
  referenceColumns: number;
  missingShare: number;
  maxMissingShare: number;
  /** Columns left out by `ignore:` and by `skip: true`. */
  ignored: string[];
  skipped: string[];
  /** drifted / tested columns. */
  share: number;
  drifted: number;
  /** Columns tested (skipped, empty and one-sided columns excluded). */
  columns: number;
  /** The drift-share threshold the verdict used. */
  driftShare: number;
  referenceRows: number;
  currentRows: number;
}

export interface DriftReport {
  dataset: DatasetDrift;
  /** Every column of either side, in reference order then current-only columns. */
  columns: ColumnDrift[];
  durationMs: number;
}
