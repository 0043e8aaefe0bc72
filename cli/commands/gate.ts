import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { gateJson } from '../../core/report/gate/gate-json.js';
import { renderGateText } from '../../core/report/gate/gate-text.js';
import { resolveGateSettings } from '../../jobs/gate/gate-settings.js';
import { pairEvaluator } from '../../jobs/evaluate/evaluate-pair.js';
import { runGate } from '../../jobs/gate/run-gate.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { thisMachine } from '../../platform/machine.js';
import { openModelRuntime } from '../../platform/onnx/open-model-runtime.js';
import { startBootstrapThreads } from '../../platform/bootstrap/bootstrap-threads.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const gateUsage = `Usage: modelship gate --candidate <metrics.json> [--baseline <metrics.json>] [options]
       modelship gate --model <model.onnx> [--baseline-model <prod.onnx>] --data <holdout> --label <column> [options]

Judges a candidate model's metrics against the rules under gate.metrics in .github/modelship.yml
(MLflow's MetricThreshold semantics: threshold, min_absolute_change, min_relative_change) and, for
the rules that compare, against production's metrics. The metrics files are what
\`modelship evaluate --output\` writes; given the models instead, both are evaluated on the same
holdout and a rule may ask for a significant difference (a paired bootstrap over its rows). Every
failure is reported, not only the first.

Options:
  --candidate <file>  the candidate's metrics
  --baseline <file>   production's metrics (needed when a rule compares with production)
  --model <location>  the candidate model (ONNX), evaluated on --data
  --baseline-model <location>
                      production's model, evaluated on the same rows
  --data <location>   the labelled holdout both models are evaluated on
  --label <column>    the column of true labels (default evaluate.label)
  --config <file>     configuration file (default .github/modelship.yml)
  --name <name>       the model's name in the report (default gate.name, else "model")
  --json              print the result as JSON
  --report <file>     also write the JSON result to this file (never over an input)
  -h, --help          show this help

Exit status: 0 when every rule passed, 1 when the gate failed, 2 on a usage or input error.
`;

export const gate: Command = async (args, io, readers) => {
  const options = parseOptions('gate', args, {
    candidate: { type: 'string' },
    baseline: { type: 'string' },
    model: { type: 'string' },
    'baseline-model': { type: 'string' },
    data: { type: 'string' },
    label: { type: 'string' },
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
  const { cwd, workspace, storage, onnx } = io.context;
  const config = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });
  const settings = resolveGateSettings(
    config,
    {
      ...(options.candidate !== undefined ? { candidate: options.candidate } : {}),
      ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
      ...(options.model !== undefined ? { model: options.model } : {}),
      ...(options['baseline-model'] !== undefined ? { baselineModel: options['baseline-model'] } : {}),
      ...(options.data !== undefined ? { data: options.data } : {}),
      ...(options.label !== undefined ? { label: options.label } : {}),
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.report !== undefined ? { report: options.report } : {}),
    },
    {
      candidate: '--candidate',
      baseline: '--baseline',
      model: '--model',
      baselineModel: '--baseline-model',
      data: '--data',
    },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const configFile = options.config ?? DEFAULT_CONFIG_PATH;
  // With two models, the bootstrap's threads start now and load while the models score the holdout.
  const resampler =
    options.model !== undefined && options['baseline-model'] !== undefined
      ? startBootstrapThreads()
      : undefined;
  try {
    // Models are loaded only when given: a gate on metrics files never starts the ONNX runtime.
    const evaluator =
      options.model === undefined
        ? undefined
        : pairEvaluator(
            config.evaluate,
            {
              datasets: readers,
              models: await openModelRuntime(
                onnx,
                { cwd, workspace, storage },
                {
                  info: () => undefined,
                  warn: (message) => io.err(`modelship gate: ${message}\n`),
                },
              ),
              machine: thisMachine,
              reports: reportFiles(cwd),
              ...(resampler ? { resampler } : {}),
            },
            configFile,
          );
    const outcome = await runGate(settings, {
      files: localTextFiles(cwd),
      reports: reportFiles(cwd),
      ...(evaluator ? { evaluator } : {}),
    });
    io.out(
      options.json ? `${JSON.stringify(gateJson(outcome.view), null, 2)}\n` : renderGateText(outcome.view),
    );
    return outcome.passed ? EXIT.ok : EXIT.failed;
  } finally {
    await resampler?.close();
  }
};
