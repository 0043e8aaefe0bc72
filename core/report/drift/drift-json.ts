import type { DriftReport } from '../../drift/drift-result.js';
import { datasetProblems } from './format-drift.js';

export interface DriftJsonColumn {
  type: string;
  test: string | null;
  statistic: number | null;
  p_value?: number | null;
  threshold: number | null;
  drift: boolean;
  /** Present when the column was not tested: skipped, empty, missing-in-reference, missing-in-current. */
  status?: string;
}

export interface DriftJson {
  dataset: {
    drift: boolean;
    share: number;
    drifted: number;
    columns: number;
    /** Why the comparison failed apart from drifted columns (no column tested, columns missing). */
    problems: string[];
    /** Reference columns the current data lacks, and columns only the current data has. */
    missing_in_current: string[];
    missing_in_reference: string[];
    /** Columns left out by configuration: `ignore:` (never read) and `skip: true`. */
    ignored: string[];
    skipped: string[];
  };
  columns: Record<string, DriftJsonColumn>;
}

/** JSON has no Infinity or NaN: such statistics become null rather than breaking the document. */
const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/** `modelship drift --json`: the dataset verdict and, per column, its test and result. */
export function driftJson(report: Omit<DriftReport, 'durationMs'>): DriftJson {
  // No prototype: a column named `__proto__` must be a key like any other, not replace the prototype.
  const columns: Record<string, DriftJsonColumn> = Object.create(null) as Record<string, DriftJsonColumn>;
  for (const c of report.columns) {
    columns[c.column] = {
      type: c.kind,
      test: c.test ?? null,
      statistic: finite(c.statistic),
      ...(c.pValue !== undefined ? { p_value: finite(c.pValue) } : {}),
      threshold: c.threshold ?? null,
      drift: c.drift,
      ...(c.status !== 'tested' ? { status: c.status } : {}),
    };
  }
  const { dataset } = report;
  return {
    dataset: {
      drift: dataset.drift,
      share: dataset.share,
      drifted: dataset.drifted,
      columns: dataset.columns,
      problems: datasetProblems(dataset),
      missing_in_current: dataset.missingInCurrent,
      missing_in_reference: dataset.missingInReference,
      ignored: dataset.ignored,
      skipped: dataset.skipped,
    },
    columns,
  };
}
