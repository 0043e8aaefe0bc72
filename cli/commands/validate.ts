import { z } from 'zod';
import { dataFormatSchema, failOnSchema } from '../../core/config/validate-config-schema.js';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { failsStep } from '../../core/report/validation/fails-step.js';
import { validationJson } from '../../core/report/validation/validation-json.js';
import { renderValidationText } from '../../core/report/validation/validation-text.js';
import { runValidate } from '../../jobs/validate/run-validate.js';
import { resolveValidateSettings } from '../../jobs/validate/validate-settings.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const validateUsage = `Usage: modelship validate [--data <path|glob|s3://…>] [--checks <file>] [options]
       modelship validate --infer --data <path>

Checks a dataset (CSV, TSV, JSON Lines or Parquet, optionally .gz; local or S3) against the checks
declared in a YAML file. Unset options come from .github/modelship.yml (validate: section).

Options:
  --data <location>     file, glob or s3:// URI of the data
  --checks <file>       checks file (YAML with a "checks:" list)
  --config <file>       configuration file (default .github/modelship.yml)
  --format <format>     csv, jsonl or parquet (default: from the file extension)
  --delimiter <char>    CSV field delimiter (default "," and tab for .tsv)
  --fail-on <severity>  error (default), warning or never
  --json                print the JSON report instead of the table
  --report <file>       also write the JSON report to this file (never over an input)
  --infer               print a starter checks file inferred from the data
  -h, --help            show this help

Exit status: 0 when the checks pass under --fail-on, 1 when they do not, 2 on a usage or input error.
`;

export const validate: Command = async (args, io, readers) => {
  const options = parseOptions('validate', args, {
    data: { type: 'string' },
    checks: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    'fail-on': { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    infer: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(validateUsage);
    return EXIT.ok;
  }
  const { cwd } = io.context;
  const format = parseChoice('--format', options.format, dataFormatSchema);
  const failOn = parseChoice('--fail-on', options['fail-on'], failOnSchema);
  const config = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });

  if (options.infer) {
    // Inference is loaded only when asked for.
    const { infer } = await import('./validate-infer.js');
    return infer(options.data ?? config.validate.data, format, options.delimiter, io, readers);
  }

  const settings = resolveValidateSettings(
    config,
    {
      ...(options.data !== undefined ? { data: options.data } : {}),
      ...(options.checks !== undefined ? { checks: options.checks } : {}),
      ...(format !== undefined ? { format } : {}),
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      ...(failOn !== undefined ? { failOn } : {}),
      ...(options.report !== undefined ? { report: options.report } : {}),
    },
    { data: '--data', checks: '--checks' },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const outcome = await runValidate(settings, {
    datasets: readers,
    files: localTextFiles(cwd),
    reports: reportFiles(cwd),
    clock: systemClock,
  });
  io.out(
    options.json ? `${JSON.stringify(validationJson(outcome), null, 2)}\n` : renderValidationText(outcome),
  );
  return failsStep(outcome.report, settings.failOn) ? EXIT.failed : EXIT.ok;
};

function parseChoice<S extends z.ZodEnum>(
  flag: string,
  value: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserError('usage', `${flag} must be one of ${schema.options.join(', ')}, not "${value}"`);
}
