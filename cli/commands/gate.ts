import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { gateJson } from '../../core/report/gate/gate-json.js';
import { renderGateText } from '../../core/report/gate/gate-text.js';
import { resolveGateSettings } from '../../jobs/gate/gate-settings.js';
import { runGate } from '../../jobs/gate/run-gate.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const gateUsage = `Usage: modelship gate --candidate <metrics.json> [--baseline <metrics.json>] [options]

Judges a candidate model's metrics against the rules under gate.metrics in .github/modelship.yml
(MLflow's MetricThreshold semantics: threshold, min_absolute_change, min_relative_change) and, for
the rules that compare, against production's metrics. The metrics files are what
\`modelship evaluate --output\` writes. Every failure is reported, not only the first.

Options:
  --candidate <file>  the candidate's metrics
  --baseline <file>   production's metrics (needed when a rule compares with production)
  --config <file>     configuration file (default .github/modelship.yml)
  --name <name>       the model's name in the report (default gate.name, else "model")
  --json              print the result as JSON
  --report <file>     also write the JSON result to this file (never over an input)
  -h, --help          show this help

Exit status: 0 when every rule passed, 1 when the gate failed, 2 on a usage or input error.
`;

export const gate: Command = async (args, io) => {
  const options = parseOptions('gate', args, {
    candidate: { type: 'string' },
    baseline: { type: 'string' },
    config: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(gateUsage);
    return EXIT.ok;
  }
  const { cwd } = io.context;
  const config = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });
  const settings = resolveGateSettings(
    config,
    {
      ...(options.candidate !== undefined ? { candidate: options.candidate } : {}),
      ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.report !== undefined ? { report: options.report } : {}),
    },
    { candidate: '--candidate', baseline: '--baseline' },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const outcome = await runGate(settings, { files: localTextFiles(cwd), reports: reportFiles(cwd) });
  io.out(
    options.json ? `${JSON.stringify(gateJson(outcome.view), null, 2)}\n` : renderGateText(outcome.view),
  );
  return outcome.passed ? EXIT.ok : EXIT.failed;
};
