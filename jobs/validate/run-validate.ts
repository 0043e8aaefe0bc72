import { loadChecks } from '../../core/checks/load-checks.js';
import { requiredColumns, requiredColumnTypes, runChecks } from '../../core/checks/run-checks.js';
import type { ValidationReport } from '../../core/checks/validation-report.js';
import { UserError } from '../../core/errors.js';
import { validationJson } from '../../core/report/validation/validation-json.js';
import type { DatasetFiles } from '../ports/dataset-source.js';
import type { ValidatePorts } from './validate-ports.js';
import type { ValidateSettings } from './validate-settings.js';

export interface ValidateOutcome {
  report: ValidationReport;
  /** The data files read, in order (`inWorkspace` tells what can be annotated). */
  files: DatasetFiles;
  /** Where the checks came from: a path, or `inline checks`. */
  checksSource: string;
  data: string;
  /** The JSON report's absolute path, when one was asked for. */
  reportPath?: string;
}

/**
 * One validation run, shared by the CLI and the action so both give the same answer on the same
 * data: read the checks, resolve the data, refuse a report path that would overwrite an input,
 * stream the data once through every check, then write the report.
 */
export async function runValidate(
  settings: ValidateSettings,
  ports: ValidatePorts,
): Promise<ValidateOutcome> {
  const { checks, source } = await readChecks(settings, ports);
  const data = settings.data ?? checks.data?.path;
  if (data === undefined) {
    throw new UserError(
      'usage',
      'no data given: pass --data (the action\'s "data" input), set validate.data in .github/modelship.yml, or data.path in the checks file',
    );
  }
  const format = settings.format ?? checks.data?.format;
  const delimiter = settings.delimiter ?? checks.data?.delimiter;
  const { files, stream } = await ports.datasets.open(data, {
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { csv: { delimiter } } : {}),
    columnTypes: requiredColumnTypes(checks),
    columns: requiredColumns(checks),
  });
  const inputs = [
    settings.configFile,
    ...('file' in settings.checks ? [source] : []),
    ...files.map((f) => f.name),
  ];
  if (settings.report !== undefined) await ports.reports.check(settings.report, inputs);

  const report = await runChecks(stream, checks, { maxExamples: settings.examples, now: ports.clock.now() });
  const outcome: ValidateOutcome = {
    report,
    files: files.map(({ name, inWorkspace, size }) => ({ name, inWorkspace, size })),
    checksSource: source,
    data,
  };
  if (settings.report === undefined) return outcome;
  const reportPath = await ports.reports.write(
    settings.report,
    `${JSON.stringify(validationJson(outcome), null, 2)}\n`,
  );
  return { ...outcome, reportPath };
}

async function readChecks(settings: ValidateSettings, ports: ValidatePorts) {
  const { text, source } =
    'inline' in settings.checks
      ? { text: settings.checks.inline, source: 'inline checks' }
      : { text: await ports.files.read(settings.checks.file, 'checks file'), source: settings.checks.file };
  return { checks: loadChecks(text, source), source };
}
