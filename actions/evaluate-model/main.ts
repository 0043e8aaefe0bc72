import * as core from '../../platform/context/runner-commands.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { evaluationJson } from '../../core/report/evaluation/evaluation-json.js';
import { renderEvaluationMarkdown } from '../../core/report/evaluation/evaluation-markdown.js';
import { resolveEvaluateSettings } from '../../jobs/evaluate/evaluate-settings.js';
import { runEvaluate } from '../../jobs/evaluate/run-evaluate.js';
import { loadConfig } from '../../platform/config/load-config.js';
import type { ActionContext } from '../../platform/context/action-context.js';
import type { ReaderThreads } from '../../platform/data/reader-threads.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { thisMachine } from '../../platform/machine.js';
import { openModelRuntime } from '../../platform/onnx/open-model-runtime.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/**
 * Maps the inputs to the evaluate job's settings, and its result to the job summary and outputs.
 * The ONNX runtime is found for this runner first (see platform/onnx/resolve-onnxruntime.ts): the
 * log says whether the native build came from the tool cache or the WebAssembly build ran.
 */
export async function run(context: ActionContext, readers: ReaderThreads): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const { workspace, storage, onnx } = context;
  const configFile = inputs.config ?? DEFAULT_CONFIG_PATH;
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveEvaluateSettings(
    config.evaluate,
    {
      model: inputs.model,
      data: inputs.data,
      ...(inputs.label !== undefined ? { label: inputs.label } : {}),
      ...(inputs.task !== undefined ? { task: inputs.task } : {}),
      ...(inputs['positive-label'] !== undefined ? { positiveLabel: inputs['positive-label'] } : {}),
      ...(inputs.threshold !== undefined ? { threshold: inputs.threshold } : {}),
      ...(inputs.missing !== undefined ? { missing: inputs.missing } : {}),
      output: inputs.output ?? join(context.runnerTemp, 'modelship', 'metrics.json'),
    },
    { model: 'the "model" input', data: 'the "data" input', label: 'the "label" input' },
    configFile,
  );
  const models = await openModelRuntime(
    onnx,
    { cwd: workspace, workspace, storage },
    {
      info: (message) => core.info(message),
      warn: (message) => core.warning(message),
    },
  );
  core.info(`ONNX runtime: ${models.description}`);
  const { result, outputPath } = await runEvaluate(settings, {
    datasets: readers,
    models,
    machine: thisMachine,
    reports: reportFiles(workspace),
  });
  core.appendSummary(renderEvaluationMarkdown(result));
  const json = evaluationJson(result);
  core.setOutput('task', result.task);
  core.setOutput('rows', String(result.rows));
  core.setOutput('metrics', JSON.stringify(json.metrics));
  core.setOutput('latency-ms', JSON.stringify(json.latency_ms));
  core.setOutput('metrics-file', outputPath ?? '');
  core.setOutput('runtime', models.description);
  core.setOutput('error', '');
  core.info(`${result.task} model evaluated on ${result.rows} rows`);
}
