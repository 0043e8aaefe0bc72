import type { CheckKind } from './check-schema.js';

/** One failing value, located in the data so a reader (or a PR annotation) can find it. */
export interface CheckExample {
  /** 1-based data row within the whole dataset (the header is not a row). */
  row: number;
  /** 1-based line of `source` on which the row starts. */
  line: number;
  /** The file the row comes from. */
  source: string;
  /** The offending value (null when missing; an array for a compound key). */
  value: unknown;
}

export interface CheckResult {
  name: string;
  check: CheckKind;
  /** The columns the check reads (empty for row-count). */
  columns: string[];
  severity: 'error' | 'warning';
  success: boolean;
  /** What was measured: a statistic, a rate, a type, the header… */
  observed: unknown;
  /** Values (rows) that broke the check; 0 for checks on the whole column. */
  unexpectedCount: number;
  /** `unexpectedCount` as a percentage (0–100) of the values the check judged. */
  unexpectedPercent: number;
  /** The first failing values, in data order. */
  examples: CheckExample[];
  /** One human sentence saying what was found. */
  message: string;
}

export interface ValidationReport {
  /** No error-severity check failed. */
  success: boolean;
  errorsFailed: number;
  warningsFailed: number;
  rows: number;
  columns: number;
  results: CheckResult[];
  durationMs: number;
}
