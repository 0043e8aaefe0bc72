import type { DataStream } from '../data/types.js';
import { UserError, formatLocation } from '../errors.js';
import { isNotApplicable, type CheckAccumulator } from './accumulator.js';
import { checkColumns } from './check-columns.js';
import { closestName } from './closest-name.js';
import { createAccumulator } from './create-accumulator.js';
import { checkLocation, type LoadedCheck, type LoadedChecks } from './load-checks.js';
import type { CheckResult, ValidationReport } from './validation-report.js';
import { valueColumns } from './required-columns.js';

export { requiredColumns, requiredColumnTypes } from './required-columns.js';

export interface RunChecksOptions {
  /** What "now" is for freshness (default: the current time). */
  now?: Date;
  /** Failing examples kept per check (default 20). */
  maxExamples?: number;
}

interface Problem {
  loaded: LoadedCheck;
  field: string;
  message: string;
}

/**
 * Runs every check in one streaming pass: each batch is handed to every check's accumulator and
 * then dropped, so a dataset larger than memory validates. Mistakes in the checks file that only
 * the data reveals (an unknown column, a mean of text) are reported together as one UserError.
 */
export async function runChecks(
  stream: DataStream,
  checks: LoadedChecks,
  options: RunChecksOptions = {},
): Promise<ValidationReport> {
  const started = Date.now();
  const names = stream.schema.names;
  const maxExamples = options.maxExamples ?? 20;
  throwProblems(checks, unknownColumns(checks, names));

  const index = new Map(names.map((name, i) => [name, i]));
  const runs = checks.checks.map((loaded) => ({
    loaded,
    accumulator: createAccumulator(loaded.check, maxExamples) as CheckAccumulator,
    columns: valueColumns(loaded.check).map((c) => index.get(c)!),
  }));

  let rows = 0;
  for await (const batch of stream.batches()) {
    rows += batch.length;
    for (const run of runs) {
      run.accumulator.add(
        batch,
        run.columns.map((c) => batch.columns[c]!),
      );
    }
  }

  const now = (options.now ?? new Date()).getTime();
  const problems: Problem[] = [];
  const results: CheckResult[] = [];
  for (const { loaded, accumulator } of runs) {
    const outcome = accumulator.finish({ rows, names, now });
    if (isNotApplicable(outcome)) {
      problems.push({ loaded, ...outcome.notApplicable });
      continue;
    }
    const { check } = loaded;
    results.push({
      name: loaded.name,
      check: check.check,
      columns: checkColumns(check),
      severity: check.severity,
      ...outcome,
    });
  }
  throwProblems(checks, problems);

  const errorsFailed = results.filter((r) => !r.success && r.severity === 'error').length;
  const warningsFailed = results.filter((r) => !r.success && r.severity === 'warning').length;
  return {
    success: errorsFailed === 0,
    errorsFailed,
    warningsFailed,
    rows,
    columns: names.length,
    results,
    durationMs: Date.now() - started,
  };
}

const SHOWN_NAMES = 12;

function unknownColumns(checks: LoadedChecks, names: readonly string[]): Problem[] {
  const header = new Set(names);
  const shown =
    names.slice(0, SHOWN_NAMES).join(', ') +
    (names.length > SHOWN_NAMES ? `, … (${names.length} columns)` : '');
  const problems: Problem[] = [];
  for (const loaded of checks.checks) {
    const { check } = loaded;
    valueColumns(check).forEach((column, position) => {
      if (header.has(column)) return;
      const near = closestName(column, names);
      const field = 'columns' in check && check.columns ? `columns[${position}]` : 'column';
      problems.push({
        loaded,
        field,
        message: `unknown column "${column}"${near ? ` (did you mean "${near}"?)` : ''} — the data has: ${shown}`,
      });
    });
  }
  return problems;
}

function throwProblems(checks: LoadedChecks, problems: Problem[]): void {
  if (problems.length === 0) return;
  const located = problems.map((p) => ({
    ...p,
    where: checkLocation(checks, p.loaded, p.field.replace(/\[\d+\]$/, '')),
  }));
  const first = located[0]!;
  const field = `checks[${first.loaded.index}].${first.field}`;
  if (located.length === 1) throw new UserError('config', first.message, { ...first.where, field });
  throw new UserError(
    'config',
    `${located.length} checks do not fit the data; the first: ${first.message}`,
    { ...first.where, field },
    located.map(
      (p) => `${formatLocation({ ...p.where, field: `checks[${p.loaded.index}].${p.field}` })}: ${p.message}`,
    ),
  );
}
