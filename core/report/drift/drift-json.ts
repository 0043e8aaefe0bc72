import type { DriftReport } from '../../drift/drift-result.js';

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
  dataset: { drift: boolean; share: number; drifted: number; columns: number };
  columns: Record<string, DriftJsonColumn>;
}

/** JSON has no Infinity or NaN: such statistics become null rather than breaking the document. */
const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/** `modelship drift --json`: the dataset verdict and, per column, its test and result. */
export function driftJson(report: Omit<DriftReport, 'durationMs'>): DriftJson {
  // No prototype: a column named `__proto__` would otherwise set the object's prototype and vanish.
  const columns = Object.create(null) as Record<string, DriftJsonColumn>;
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
  const { drift, share, drifted, columns: tested } = report.dataset;
  return { dataset: { drift, share, drifted, columns: tested }, columns };
}
