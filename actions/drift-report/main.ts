import * as core from '../../platform/context/runner-commands.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { bySeverity } from '../../core/report/drift/by-severity.js';
import { renderDriftCheckOutput } from '../../core/report/drift/drift-markdown.js';
import type { DriftPorts } from '../../jobs/drift/drift-ports.js';
import { resolveDriftSettings } from '../../jobs/drift/drift-settings.js';
import { runDrift } from '../../jobs/drift/run-drift.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config/load-config.js';
import type { ActionContext } from '../../platform/context/action-context.js';
import type { ReaderThreads } from '../../platform/data/reader-threads.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { checkRunPublisher } from '../../platform/github/publish-check-run.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/**
 * Maps the inputs to the drift job's settings, and its outcome to summary and outputs. The job
 * writes the reports before it posts the check run, and a check run that cannot be posted is a
 * warning (unless `check-run-required`): the verdict is never lost to a missing permission.
 */
export async function run(context: ActionContext, readers: ReaderThreads): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const { workspace } = context;
  const configFile = inputs.config ?? DEFAULT_CONFIG_PATH;
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveDriftSettings(
    config,
    {
      ...(inputs.reference !== undefined ? { reference: inputs.reference } : {}),
      ...(inputs.current !== undefined ? { current: inputs.current } : {}),
      ...(inputs['drift-share'] !== undefined ? { driftShare: inputs['drift-share'] } : {}),
      ...(inputs['check-name'] !== undefined ? { checkName: inputs['check-name'] } : {}),
      ...(inputs['conclusion-on-drift'] !== undefined
        ? { conclusionOnDrift: inputs['conclusion-on-drift'] }
        : {}),
      ...(inputs['check-run-required'] !== undefined
        ? { checkRunRequired: inputs['check-run-required'] }
        : {}),
      ...(inputs.html !== undefined ? { html: inputs.html } : {}),
      report: inputs.report ?? join(context.runnerTemp, 'modelship', 'drift-report.json'),
    },
    { reference: 'the "reference" input', current: 'the "current" input' },
    configFile,
  );
  const outcome = await runDrift(settings, {
    samples: readers,
    files: localTextFiles(workspace),
    reports: reportFiles(workspace),
    clock: systemClock,
    ...(inputs.token ? { checkRuns: checkRuns(context, inputs.token) } : {}),
  });

  const { report, checkRun } = outcome;
  const output = renderDriftCheckOutput(report, { reference: settings.reference, current: settings.current });
  const drifted = bySeverity(report.columns).filter((c) => c.drift);
  let summary = `${output.summary}\n`;
  if (checkRun.status === 'failed') {
    core.warning(checkRun.message);
    summary += `\n> [!WARNING]\n> ${checkRun.message.replace(/\n/g, ' ')}\n`;
  }
  core.appendSummary(summary);
  core.setOutput('drift-detected', String(report.dataset.drift));
  core.setOutput('share', String(report.dataset.share));
  core.setOutput('drifted-columns', JSON.stringify(drifted.map((c) => c.column)));
  core.setOutput('check-run-url', checkRun.status === 'published' ? checkRun.url : '');
  core.setOutput('report', outcome.reportPath ?? '');
  core.setOutput('error', checkRun.status === 'failed' ? checkRun.message : '');
  if (checkRun.status === 'failed' && settings.checkRunRequired) core.setFailed(checkRun.message);
  else if (report.dataset.drift && inputs['fail-on-drift']) core.setFailed(output.title);
  else core.info(output.title);
}

function checkRuns(context: ActionContext, token: string): NonNullable<DriftPorts['checkRuns']> {
  core.setSecret(token);
  const { repository, headSha } = context;
  if (!repository || !headSha)
    throw new UserError(
      'input',
      `${repository ? 'GITHUB_SHA' : 'GITHUB_REPOSITORY'} is not set: run this action in a GitHub Actions workflow, or leave the "token" input empty to skip the check run`,
    );
  const octokit = createGitHubClient({ token, baseUrl: context.apiUrl, log: (m) => core.info(m) });
  return {
    publisher: checkRunPublisher(octokit, repository),
    headSha,
    fromFork: context.fromFork,
    ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
  };
}
