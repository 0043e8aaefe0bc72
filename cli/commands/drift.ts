import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { driftJson } from '../../core/report/drift/drift-json.js';
import { renderDriftText } from '../../core/report/drift/drift-text.js';
import { resolveDriftSettings } from '../../jobs/drift/drift-settings.js';
import { runDrift } from '../../jobs/drift/run-drift.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const driftUsage = `Usage: modelship drift [--reference <location>] [--current <location>] [options]

Compares current data with reference data (usually the training set) column by column, with
Evidently's default tests, and decides whether the dataset drifted. Locations are files, globs or
s3:// URIs (CSV, TSV, JSON Lines, Parquet). Unset options come from .github/modelship.yml (drift:).

Options:
  --reference <location>  reference data
  --current <location>    current data
  --config <file>         configuration file (default .github/modelship.yml)
  --drift-share <share>   share of drifted columns that makes the dataset drift (default 0.5)
  --json                  print the result as JSON
  --report <file>         also write the JSON result to this file (never over an input)
  --html <file>           also write a self-contained HTML report with charts (never over an input)
  -h, --help              show this help

Exit status: 0 when the dataset did not drift, 1 when it did, 2 on a usage or input error.
`;

export const drift: Command = async (args, io, readers) => {
  const options = parseOptions('drift', args, {
    reference: { type: 'string' },
    current: { type: 'string' },
    config: { type: 'string' },
    'drift-share': { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    html: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(driftUsage);
    return EXIT.ok;
  }
  const { cwd } = io.context;
  const file = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });
  const share = options['drift-share'];
  const settings = resolveDriftSettings(
    file,
    {
      ...(options.reference !== undefined ? { reference: options.reference } : {}),
      ...(options.current !== undefined ? { current: options.current } : {}),
      ...(share !== undefined ? { driftShare: parseShare(share) } : {}),
      ...(options.report !== undefined ? { report: options.report } : {}),
      ...(options.html !== undefined ? { html: options.html } : {}),
    },
    { reference: '--reference', current: '--current' },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const { report } = await runDrift(settings, {
    samples: readers,
    files: localTextFiles(cwd),
    reports: reportFiles(cwd),
    clock: systemClock,
  });
  io.out(
    options.json
      ? `${JSON.stringify(driftJson(report), null, 2)}\n`
      : renderDriftText(report, settings.reference, settings.current),
  );
  return report.dataset.drift ? EXIT.failed : EXIT.ok;
};

function parseShare(text: string): number {
  const share = Number(text);
  if (!(share > 0 && share <= 1))
    throw new UserError('usage', `--drift-share must be a number in (0, 1], not "${text}"`);
  return share;
}
