import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import type { Task } from '../../core/metrics/predictions.js';
import { evaluationJson } from '../../core/report/evaluation/evaluation-json.js';
import { renderEvaluationText } from '../../core/report/evaluation/evaluation-text.js';
import { resolveEvaluateSettings } from '../../jobs/evaluate/evaluate-settings.js';
import { runEvaluate } from '../../jobs/evaluate/run-evaluate.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { thisMachine } from '../../platform/machine.js';
import { openModelRuntime } from '../../platform/onnx/open-model-runtime.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const evaluateUsage = `Usage: modelship evaluate --model <model.onnx> --data <holdout> --label <column> [options]

Scores a labelled holdout with an ONNX model (onnxruntime, on the CPU) and reports every metric of
the task, equal to scikit-learn's, with the confusion matrix, single-row latency and batch
throughput, per-slice metrics and fairness differences (slices: and sensitive: in the evaluate:
section of the configuration). The holdout is a file, glob or s3:// URI (CSV, TSV, JSON Lines,
Parquet) and is read in batches, so it may be larger than memory.

Options:
  --model <location>      the ONNX model (a path or s3:// URI)
  --data <location>       the labelled holdout
  --label <column>        the column of true labels (default evaluate.label)
  --task <task>           binary, multiclass or regression (default: from the model's outputs)
  --positive-label <v>    binary: the positive class (default: the model's second class)
  --threshold <p>         binary: predict positive when its probability is at least p
                          (default: the model's label output, else 0.5)
  --drop-missing          leave out rows with a missing value (counted) instead of failing
  --config <file>         configuration file (default .github/modelship.yml)
  --json                  print the result as JSON
  --output <file>         also write the JSON result to this file (never over an input)
  -h, --help              show this help

Exit status: 0 when the model was evaluated, 2 on a usage or input error.
`;

const TASKS = ['binary', 'multiclass', 'regression'] as const;

export const evaluate: Command = async (args, io, readers) => {
  const options = parseOptions('evaluate', args, {
    model: { type: 'string' },
    data: { type: 'string' },
    label: { type: 'string' },
    task: { type: 'string' },
    'positive-label': { type: 'string' },
    threshold: { type: 'string' },
    'drop-missing': { type: 'boolean' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(evaluateUsage);
    return EXIT.ok;
  }
  const { cwd, workspace, storage, onnx } = io.context;
  const config = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });
  const settings = resolveEvaluateSettings(
    config.evaluate,
    {
      ...(options.model !== undefined ? { model: options.model } : {}),
      ...(options.data !== undefined ? { data: options.data } : {}),
      ...(options.label !== undefined ? { label: options.label } : {}),
      ...(options.task !== undefined ? { task: parseTask(options.task) } : {}),
      ...(options['positive-label'] !== undefined ? { positiveLabel: options['positive-label'] } : {}),
      ...(options.threshold !== undefined ? { threshold: parseThreshold(options.threshold) } : {}),
      ...(options['drop-missing'] ? { missing: 'drop' as const } : {}),
      ...(options.output !== undefined ? { output: options.output } : {}),
    },
    { model: '--model', data: '--data', label: '--label' },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const models = await openModelRuntime(
    onnx,
    { cwd, workspace, storage },
    {
      info: () => undefined,
      warn: (message) => io.err(`modelship evaluate: ${message}\n`),
    },
  );
  const { result } = await runEvaluate(settings, {
    datasets: readers,
    models,
    machine: thisMachine,
    reports: reportFiles(cwd),
  });
  io.out(
    options.json ? `${JSON.stringify(evaluationJson(result), null, 2)}\n` : renderEvaluationText(result),
  );
  return EXIT.ok;
};

function parseTask(text: string): Task {
  if ((TASKS as readonly string[]).includes(text)) return text as Task;
  throw new UserError('usage', `--task must be one of ${TASKS.join(', ')}, not "${text}"`, {
    field: '--task',
  });
}

function parseThreshold(text: string): number {
  const value = Number(text);
  if (!(text.trim() !== '' && value >= 0 && value <= 1))
    throw new UserError('usage', `--threshold must be a probability in [0, 1], not "${text}"`, {
      field: '--threshold',
    });
  return value;
}
