import type { ValidationView } from './validation-view.js';

/** The JSON report (`--json`, the action's `report` file): the same object from both, so they can be diffed. */
export function validationJson(view: ValidationView) {
  const { report } = view;
  return {
    success: report.success,
    data: view.data,
    files: view.files.map((f) => f.name),
    checks: view.checksSource,
    rows: report.rows,
    columns: report.columns,
    errorsFailed: report.errorsFailed,
    warningsFailed: report.warningsFailed,
    durationMs: report.durationMs,
    results: report.results,
  };
}
