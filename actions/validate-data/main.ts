import { formatCount } from '../../core/checks/describe.js';
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failsStep } from '../../core/report/validation/fails-step.js';
import { selectAnnotations } from '../../core/report/validation/validation-annotations.js';
import { validationJson } from '../../core/report/validation/validation-json.js';
import { renderValidationMarkdown } from '../../core/report/validation/validation-markdown.js';
import { headline } from '../../core/report/validation/validation-view.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { writeFileAtomic } from '../../platform/write-file-atomic.js';
import { validateData } from '../../platform/validate/validate-data.js';
import { resolveValidationSettings } from '../../platform/validate/validation-settings.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

export async function run(): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveValidationSettings(
    {
      ...(inputs.data !== undefined ? { data: inputs.data } : {}),
      ...(inputs.checks !== undefined ? { checks: inputs.checks } : {}),
      ...(inputs.format !== undefined ? { format: inputs.format } : {}),
      ...(inputs.delimiter !== undefined ? { delimiter: inputs.delimiter } : {}),
      ...(inputs['fail-on'] !== undefined ? { failOn: inputs['fail-on'] } : {}),
    },
    config.validate,
    { data: 'the "data" input', checks: 'the "checks" input' },
  );
  const outcome = await validateData(settings, { cwd: workspace });

  const { annotations, omitted } = selectAnnotations(outcome, settings.maxAnnotations);
  for (const a of annotations) {
    const properties = { file: a.file, startLine: a.line, title: a.title };
    if (a.level === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }
  let summary = renderValidationMarkdown(outcome);
  if (omitted > 0)
    summary += `\n${formatCount(omitted)} more failing rows were not annotated (see the JSON report).\n`;
  await core.summary.addRaw(summary).write();

  const reportPath =
    inputs.report ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'modelship', 'validation-report.json');
  const written = await writeFileAtomic(
    reportPath,
    `${JSON.stringify(validationJson(outcome), null, 2)}\n`,
    workspace,
  );

  const failed = failsStep(outcome.report, settings.failOn);
  // `success` describes the data even when fail-on is "never" (then judged at error level).
  const passed = settings.failOn === 'never' ? !failsStep(outcome.report, 'error') : !failed;
  core.setOutput('success', String(passed));
  core.setOutput(
    'failed-checks',
    JSON.stringify(outcome.report.results.filter((r) => !r.success).map((r) => r.name)),
  );
  core.setOutput('report', written);
  if (failed) core.setFailed(headline(outcome.report));
  else core.info(headline(outcome.report));
}
