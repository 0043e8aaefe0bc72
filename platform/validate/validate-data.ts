import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadChecks } from '../../core/checks/load-checks.js';
import { requiredColumns, requiredColumnTypes, runChecks } from '../../core/checks/run-checks.js';
import type { ValidationReport } from '../../core/checks/report.js';
import { UserError } from '../../core/errors.js';
import type { DataFile } from '../../core/ports.js';
import { readDatasetInWorker } from '../data/read-dataset-in-worker.js';
import type { ValidationSettings } from './validation-settings.js';

export interface ValidationOutcome {
  report: ValidationReport;
  /** The data files read, in order (names as shown in messages; `inWorkspace` tells what can be annotated). */
  files: Pick<DataFile, 'name' | 'inWorkspace'>[];
  /** Where the checks came from: a path, or `inline checks`. */
  checksSource: string;
  data: string;
}

/**
 * One validation run, shared by the CLI and the action so both give the same answer on the same
 * data: read the checks, resolve the data, stream it once through every check.
 */
export async function validateData(
  settings: Omit<ValidationSettings, 'data'> & { data?: string },
  options: { cwd: string; now?: Date },
): Promise<ValidationOutcome> {
  const { text, source } = await readChecksSource(settings.checks, options.cwd);
  const checks = loadChecks(text, source);
  const data = settings.data ?? checks.data?.path;
  if (data === undefined) {
    throw new UserError(
      'usage',
      'no data given: pass --data (the action\'s "data" input), set validate.data in .github/modelship.yml, or data.path in the checks file',
    );
  }
  const format = settings.format ?? checks.data?.format;
  const delimiter = settings.delimiter ?? checks.data?.delimiter;
  const { files, stream } = await readDatasetInWorker(data, options.cwd, {
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { csv: { delimiter } } : {}),
    columnTypes: requiredColumnTypes(checks),
    columns: requiredColumns(checks),
  });
  const report = await runChecks(stream, checks, {
    maxExamples: settings.examples,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    report,
    files: files.map(({ name, inWorkspace }) => ({ name, inWorkspace })),
    checksSource: source,
    data,
  };
}

async function readChecksSource(checks: ValidationSettings['checks'], cwd: string) {
  if ('inline' in checks) return { text: checks.inline, source: 'inline checks' };
  try {
    return { text: await readFile(resolve(cwd, checks.file), 'utf8'), source: checks.file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('not-found', 'checks file not found', { file: checks.file });
    if (code === 'EISDIR')
      throw new UserError('input', 'is a directory, not a checks file', { file: checks.file });
    throw error;
  }
}
