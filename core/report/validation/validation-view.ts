import { formatCount } from '../../checks/describe.js';
import type { CheckResult, ValidationReport } from '../../checks/validation-report.js';

/** What every rendering of a validation run needs to say where the data and checks came from. */
export interface ValidationView {
  report: ValidationReport;
  data: string;
  files: { name: string; inWorkspace: boolean }[];
  checksSource: string;
}

/** Failed errors first, then failed warnings, then passes, each in the checks file's order. */
export function resultsBySeverity(results: readonly CheckResult[]): CheckResult[] {
  const rank = (r: CheckResult) => (r.success ? 2 : r.severity === 'error' ? 0 : 1);
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => rank(a.result) - rank(b.result) || a.index - b.index)
    .map(({ result }) => result);
}

/** `Validation failed: 2 errors, 1 warning — 19 of 22 checks passed on 5,000 rows`. */
export function headline(report: ValidationReport): string {
  const passed = report.results.filter((r) => r.success).length;
  const total = report.results.length;
  const problems: string[] = [];
  if (report.errorsFailed > 0) problems.push(plural(report.errorsFailed, 'error'));
  if (report.warningsFailed > 0) problems.push(plural(report.warningsFailed, 'warning'));
  const verdict = report.success ? 'Validation passed' : 'Validation failed';
  const detail = problems.length > 0 ? `: ${problems.join(', ')}` : '';
  return `${verdict}${detail} — ${passed} of ${total} checks passed on ${plural(report.rows, 'row')}`;
}

export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
