import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driftConfigSchema } from '../../core/drift/drift-config-schema.js';
import { UserError } from '../../core/errors.js';
import { bySeverity } from '../../core/report/drift/by-severity.js';
import { driftJson } from '../../core/report/drift/drift-json.js';
import { renderDriftCheckOutput } from '../../core/report/drift/drift-markdown.js';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { runDrift } from '../../platform/drift/run-drift.js';
import { writeDriftHtml } from '../../platform/drift/write-drift-html.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { publishCheckRun } from '../../platform/github/publish-check-run.js';
import { writeFileAtomic } from '../../platform/write-file-atomic.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/** The commit a check run belongs to: a pull request's head, not the merge commit GITHUB_SHA names. */
function headSha(): string {
  const path = process.env.GITHUB_EVENT_PATH;
  if (path) {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { head?: { sha?: string } } };
    if (event.pull_request?.head?.sha) return event.pull_request.head.sha;
  }
  const sha = process.env.GITHUB_SHA;
  if (!sha)
    throw new UserError('input', 'GITHUB_SHA is not set: run this action in a GitHub Actions workflow');
  return sha;
}

export async function run(): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const file = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const config = driftConfigSchema.parse({
    ...file.drift,
    ...(inputs['drift-share'] !== undefined ? { 'drift-share': inputs['drift-share'] } : {}),
    ...(inputs['check-name'] !== undefined ? { 'check-name': inputs['check-name'] } : {}),
    ...(inputs['conclusion-on-drift'] !== undefined
      ? { 'conclusion-on-drift': inputs['conclusion-on-drift'] }
      : {}),
  });
  const reference = inputs.reference ?? config.reference;
  const current = inputs.current ?? config.current;
  if (!reference || !current) {
    throw new UserError(
      'input',
      'set the "reference" and "current" inputs (or drift.reference and drift.current in .github/modelship.yml)',
      {
        field: reference ? 'inputs.current' : 'inputs.reference',
      },
    );
  }

  const report = await runDrift({
    reference,
    current,
    config,
    configPath: inputs.config || DEFAULT_CONFIG_PATH,
    cwd: workspace,
  });
  const sources = { reference, current };
  const output = renderDriftCheckOutput(report, sources);
  const drifted = bySeverity(report.columns).filter((c) => c.drift);

  let checkRunUrl = '';
  if (inputs.token) {
    core.setSecret(inputs.token);
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
      throw new UserError(
        'input',
        'GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow',
      );
    const octokit = createGitHubClient({ token: inputs.token, log: (m) => core.info(m) });
    const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`;
    const checkRun = await publishCheckRun(octokit, {
      owner,
      repo,
      headSha: headSha(),
      name: config['check-name'],
      conclusion: report.dataset.drift ? config['conclusion-on-drift'] : 'success',
      output,
      ...(process.env.GITHUB_RUN_ID ? { detailsUrl: runUrl } : {}),
    });
    checkRunUrl = checkRun.url;
  }

  await core.summary.addRaw(`${output.summary}\n`).write();
  if (inputs.html) await writeDriftHtml(report, { ...sources, path: inputs.html, cwd: workspace });
  const reportPath =
    inputs.report ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'modelship', 'drift-report.json');
  const written = await writeFileAtomic(
    reportPath,
    `${JSON.stringify(driftJson(report), null, 2)}\n`,
    workspace,
  );

  core.setOutput('drift-detected', String(report.dataset.drift));
  core.setOutput('share', String(report.dataset.share));
  core.setOutput('drifted-columns', JSON.stringify(drifted.map((c) => c.column)));
  core.setOutput('check-run-url', checkRunUrl);
  core.setOutput('report', written);
  if (report.dataset.drift && inputs['fail-on-drift']) core.setFailed(output.title);
  else core.info(output.title);
}
