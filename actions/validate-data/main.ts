import * as core from '../../platform/context/runner-commands.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { formatCount } from '../../core/checks/describe.js';
import { failsStep } from '../../core/report/validation/fails-step.js';
import { selectAnnotations } from '../../core/report/validation/validation-annotations.js';
import { renderValidationMarkdown } from '../../core/report/validation/validation-markdown.js';
import { headline } from '../../core/report/validation/validation-view.js';
import { runValidate } from '../../jobs/validate/run-validate.js';
import { resolveValidateSettings } from '../../jobs/validate/validate-settings.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config/load-config.js';
import type { ActionContext } from '../../platform/context/action-context.js';
import type { ReaderThreads } from '../../platform/data/reader-threads.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/** Maps the inputs to the validate job's settings, and its outcome to annotations, summary and outputs. */
export async function run(context: ActionContext, readers: ReaderThreads): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const { workspace } = context;
  const configFile = inputs.config ?? DEFAULT_CONFIG_PATH;
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveValidateSettings(
    config,
    {
      ...(inputs.data !== undefined ? { data: inputs.data } : {}),
      ...(inputs.checks !== undefined ? { checks: inputs.checks } : {}),
      ...(inputs.format !== undefined ? { format: inputs.format } : {}),
      ...(inputs.delimiter !== undefined ? { delimiter: inputs.delimiter } : {}),
      ...(inputs['fail-on'] !== undefined ? { failOn: inputs['fail-on'] } : {}),
      report: inputs.report ?? join(context.runnerTemp, 'modelship', 'validation-report.json'),
    },
    { data: 'the "data" input', checks: 'the "checks" input' },
    configFile,
  );
  const outcome = await runValidate(settings, {
    datasets: readers,
    files: localTextFiles(workspace),
    reports: reportFiles(workspace),
    clock: systemClock,
  });

  const { annotations, omitted } = selectAnnotations(outcome, settings.maxAnnotations);
  for (const a of annotations) {
    const properties = { file: a.file, startLine: a.line, title: a.title };
    if (a.level === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }
  let summary = renderValidationMarkdown(outcome);
  if (omitted > 0)
    summary += `\n${formatCount(omitted)} more failing rows were not annotated (see the JSON report).\n`;
  core.appendSummary(summary);

  const failed = failsStep(outcome.report, settings.failOn);
  // `success` describes the data even when fail-on is "never" (then judged at error level).
  const passed = settings.failOn === 'never' ? !failsStep(outcome.report, 'error') : !failed;
  core.setOutput('success', String(passed));
  core.setOutput(
    'failed-checks',
    JSON.stringify(outcome.report.results.filter((r) => !r.success).map((r) => r.name)),
  );
  core.setOutput('report', outcome.reportPath ?? '');
  core.setOutput('error', '');
  if (failed) core.setFailed(headline(outcome.report));
  else core.info(headline(outcome.report));
}
