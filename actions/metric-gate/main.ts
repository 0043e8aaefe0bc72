import * as core from '../../platform/context/runner-commands.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { gateMetricsJson } from '../../core/report/gate/gate-json.js';
import { renderGateMarkdown } from '../../core/report/gate/gate-markdown.js';
import type { GatePorts } from '../../jobs/gate/gate-ports.js';
import { resolveGateSettings } from '../../jobs/gate/gate-settings.js';
import { runGate } from '../../jobs/gate/run-gate.js';
import { loadConfig } from '../../platform/config/load-config.js';
import type { ActionContext } from '../../platform/context/action-context.js';
import { reportFiles } from '../../platform/files/report-files.js';
import { localTextFiles } from '../../platform/files/text-files.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/**
 * Maps the inputs to the gate's settings, and its outcome to summary and outputs. The job writes the
 * report before it posts the check run and the comment, and either one refused is a warning: the
 * verdict is never lost to a missing permission or a fork's read-only token.
 */
export async function run(context: ActionContext): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const { workspace } = context;
  const configFile = inputs.config ?? DEFAULT_CONFIG_PATH;
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveGateSettings(
    config,
    {
      ...(inputs.candidate !== undefined ? { candidate: inputs.candidate } : {}),
      ...(inputs.baseline !== undefined ? { baseline: inputs.baseline } : {}),
      ...(inputs.name !== undefined ? { name: inputs.name } : {}),
      ...(inputs['check-name'] !== undefined ? { checkName: inputs['check-name'] } : {}),
      ...(inputs.comment !== undefined ? { comment: inputs.comment } : {}),
      report: inputs.report ?? join(context.runnerTemp, 'modelship', 'gate-report.json'),
    },
    { candidate: 'the "candidate" input', baseline: 'the "baseline" input' },
    configFile,
  );
  const outcome = await runGate(settings, {
    files: localTextFiles(workspace),
    reports: reportFiles(workspace),
    ...(inputs.token ? await github(context, inputs.token) : {}),
  });

  const { checkRun, comment, view } = outcome;
  let summary = renderGateMarkdown(view);
  for (const result of [checkRun, comment])
    if (result.status === 'failed') {
      core.warning(result.message);
      summary += `\n> [!WARNING]\n> ${result.message.replace(/\n/g, ' ')}\n`;
    }
  core.appendSummary(summary);
  core.setOutput('passed', String(outcome.passed));
  core.setOutput('metrics', JSON.stringify(gateMetricsJson(view)));
  core.setOutput('report', outcome.reportPath ?? '');
  core.setOutput('check-run-url', checkRun.status === 'published' ? checkRun.url : '');
  core.setOutput('comment-url', comment.status === 'published' ? comment.url : '');
  core.setOutput('error', '');
  if (!outcome.passed && inputs['fail-on-gate'] !== false)
    core.setFailed(`The gate failed:\n${view.verdict.failures.map((f) => `- ${f}`).join('\n')}`);
  else core.info(outcome.passed ? 'The gate passed.' : 'The gate failed (fail-on-gate is false).');
}

/**
 * The check run always (with a token); the comment when the run belongs to a pull request. Octokit
 * loads only here: a gate without a token starts without it (the 300 ms cold-start budget).
 */
async function github(
  context: ActionContext,
  token: string,
): Promise<Pick<GatePorts, 'checkRuns' | 'comments'>> {
  const [{ createGitHubClient }, { checkRunPublisher }, { pullRequestComments }] = await Promise.all([
    import('../../platform/github/client.js'),
    import('../../platform/github/publish-check-run.js'),
    import('../../platform/github/sticky-comments.js'),
  ]);
  core.setSecret(token);
  const { repository, headSha, pullRequest } = context;
  if (!repository || !headSha)
    throw new UserError(
      'input',
      `${repository ? 'GITHUB_SHA' : 'GITHUB_REPOSITORY'} is not set: run this action in a GitHub Actions workflow, or leave the "token" input empty to skip the check run and comment`,
    );
  const octokit = createGitHubClient({ token, baseUrl: context.apiUrl, log: (m) => core.info(m) });
  return {
    checkRuns: {
      publisher: checkRunPublisher(octokit, repository),
      headSha,
      fromFork: context.fromFork,
      ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
    },
    ...(pullRequest !== undefined
      ? {
          comments: {
            comments: pullRequestComments(octokit, { ...repository, number: pullRequest }),
            fromFork: context.fromFork,
          },
        }
      : {}),
  };
}
