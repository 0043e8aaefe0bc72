import * as core from '../../platform/context/runner-commands.js';
import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { resolveRegisterSettings } from '../../jobs/register/register-settings.js';
import { runRegister, type RegisterOutcome } from '../../jobs/register/run-register.js';
import { loadConfig } from '../../platform/config/load-config.js';
import type { ActionContext } from '../../platform/context/action-context.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { githubRegistryTags } from '../../platform/registry/github-registry-tags.js';
import { githubRegistryTagsWriter } from '../../platform/registry/github-registry-tags-writer.js';
import { registerPortsFor } from '../../platform/registry/register-ports-for.js';
import { readInputs } from '../shared/read-inputs.js';
import { inputsSchema } from './inputs.js';

/**
 * Maps the inputs to the registration's settings, and its outcome to outputs and the job summary.
 * The commit tagged is the run's (GITHUB_SHA): the one that produced the model.
 */
export async function run(context: ActionContext): Promise<void> {
  const inputs = readInputs(inputsSchema);
  const { workspace, repository } = context;
  const commit = context.sha;
  if (!repository || !commit)
    throw new UserError(
      'input',
      `${repository ? 'GITHUB_SHA' : 'GITHUB_REPOSITORY'} is not set: run this action in a GitHub Actions workflow`,
    );
  if (!inputs.token)
    throw new UserError(
      'input',
      'input "token" is empty: the registration writes a tag and a release, which needs a token with contents: write (the default, github.token, has it when the job sets `permissions: contents: write`)',
      { field: 'inputs.token' },
    );
  core.setSecret(inputs.token);
  const config = await loadConfig({ cwd: workspace, ...(inputs.config ? { path: inputs.config } : {}) });
  const settings = resolveRegisterSettings(
    config,
    {
      name: inputs.name,
      files: inputs.model.split('\n').map((l) => l.trim()),
      ...(inputs.version !== undefined ? { version: inputs.version } : {}),
      ...(inputs.evaluation !== undefined ? { evaluation: inputs.evaluation } : {}),
      ...(inputs.gate !== undefined ? { gate: inputs.gate } : {}),
      ...(inputs.dataset !== undefined ? { dataset: inputs.dataset } : {}),
      ...(inputs['dataset-sha256'] !== undefined ? { datasetSha256: inputs['dataset-sha256'] } : {}),
      ...(inputs.storage !== undefined ? { storage: inputs.storage } : {}),
      ...(inputs.force !== undefined ? { force: inputs.force } : {}),
      ...(inputs['attestation-url'] !== undefined ? { attestation: inputs['attestation-url'] } : {}),
    },
    {
      name: 'the "name" input',
      files: 'the "model" input',
      version: 'the "version" input',
      storage: 'the "storage" input',
      force: 'the "force" input',
      datasetSha256: 'the "dataset-sha256" input',
      attestation: 'the "attestation-url" input',
    },
    {
      commit,
      repository: `${repository.owner}/${repository.repo}`,
      serverUrl: context.serverUrl,
      ...(context.runUrl ? { run: context.runUrl } : {}),
      ...(context.actor ? { registeredBy: context.actor } : {}),
    },
    inputs.config ?? DEFAULT_CONFIG_PATH,
  );
  const octokit = createGitHubClient({
    token: inputs.token,
    baseUrl: context.apiUrl,
    log: (m) => core.info(m),
  });
  const ports = registerPortsFor({
    cwd: workspace,
    tags: {
      reader: githubRegistryTags(octokit, `${repository.owner}/${repository.repo}`),
      writer: githubRegistryTagsWriter(octokit, `${repository.owner}/${repository.repo}`),
    },
    github: { octokit, repository, serverUrl: context.serverUrl },
    storage: settings.storage,
    env: context.storage,
    log: (m) => core.info(m),
  });
  try {
    const outcome = await runRegister(settings, ports);
    setOutputs(outcome);
    core.appendSummary(summary(outcome));
  } finally {
    await ports.close();
  }
}

function setOutputs(outcome: RegisterOutcome): void {
  const first = outcome.subjects[0];
  core.setOutput('tag', outcome.tag);
  core.setOutput('version', outcome.version);
  core.setOutput('created', String(outcome.created));
  core.setOutput('release-url', outcome.release?.url ?? '');
  core.setOutput('artifacts', JSON.stringify(outcome.artifacts));
  core.setOutput('subject-path', outcome.subjects.map((s) => s.path).join('\n'));
  core.setOutput('subject-digest', first ? `sha256:${first.sha256}` : '');
  core.setOutput('subject-name', first?.name ?? '');
  core.setOutput('error', '');
}

function summary(outcome: RegisterOutcome): string {
  const head = outcome.created
    ? `### ✅ Registered ${outcome.tag}`
    : `### ✅ ${outcome.tag} was already registered on this commit`;
  const release = outcome.release ? `\n\nRelease: ${outcome.release.url}` : '';
  const rows = outcome.artifacts.map((a) => `| ${a.name} | \`${a.sha256}\` | ${a.size} | ${a.uri} |`);
  return `${head}\n\nCommit \`${outcome.commit}\`${release}\n\n| Artifact | sha256 | Bytes | Where |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}
