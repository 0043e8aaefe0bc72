import { DEFAULT_CONFIG_PATH } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { resolveRegisterSettings } from '../../jobs/register/register-settings.js';
import { runRegister, type RegisterOutcome } from '../../jobs/register/run-register.js';
import { loadConfig } from '../../platform/config/load-config.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { githubApiUrlFromEnv } from '../../platform/github/github-api-url.js';
import { gitRegistryTags } from '../../platform/registry/git-registry-tags.js';
import { gitRegistryTagsWriter } from '../../platform/registry/git-registry-tags-writer.js';
import { githubRegistryTags } from '../../platform/registry/github-registry-tags.js';
import { githubRegistryTagsWriter } from '../../platform/registry/github-registry-tags-writer.js';
import { registerPortsFor } from '../../platform/registry/register-ports-for.js';
import { GitFailure, runGit } from '../../platform/registry/run-git.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

export const registerUsage = `Usage: modelship register --name <model> --model <file> [--model <file>…] [options]

Registers a model version: an annotated tag <model>@vX.Y.Z (GTO's format) on the commit that
produced it, whose message records the artifacts' sha256, the metrics, the gate's verdict and the
dataset's digest; online, also a GitHub release whose body is the model card, with model-card.json,
metrics.json and (release storage) the model files as assets. Re-running the same registration
completes what is missing and creates nothing twice; concurrent registrations get distinct versions.

Online (--repo owner/name, token from GITHUB_TOKEN or GH_TOKEN): the tag and the release are written
through the GitHub API. Offline (no --repo): the tag is written in the local clone (--push sends it
to origin); release storage needs the API, S3 storage (--storage s3://bucket/prefix) works offline.

Options:
  --name <model>        the model's name: letters, digits, -, _ and /, starting and ending with
                        a letter or digit (e.g. churn, team/churn)
  --model <file|glob>   a model file to register (repeatable)
  --version <v>         v1.2.0, or a bump of the latest version: major, minor, patch (default patch;
                        the first version is v0.0.1)
  --evaluation <file>   the evaluation report (\`modelship evaluate --output\`)
  --gate <file>         the gate report (\`modelship gate --report\`)
  --dataset <location>  the dataset the model was trained or evaluated on
  --dataset-sha256 <hex>
                        its sha256 (computed when the dataset is a local file)
  --storage <where>     release (default, or registry.storage) or s3://bucket/prefix
  --force               allow a second version on a commit that already has one (GTO's rule)
  --attestation-url <url>
                        a build-provenance attestation of the files, recorded in the model card
  --commit <rev>        the commit to tag (default HEAD of the clone in the working directory)
  --repo <owner/name>   register through the GitHub API in this repository
  --push                offline: push the new tag to origin (a tag already there is a lost claim)
  --config <file>       configuration file (default .github/modelship.yml)
  --json                print the outcome as JSON
  -h, --help            show this help

Exit status: 0 when the version is registered (or already was), 2 on a usage or input error.
`;

export const register: Command = async (args, io) => {
  const options = parseOptions('register', args, {
    name: { type: 'string' },
    model: { type: 'string', multiple: true },
    version: { type: 'string' },
    evaluation: { type: 'string' },
    gate: { type: 'string' },
    dataset: { type: 'string' },
    'dataset-sha256': { type: 'string' },
    storage: { type: 'string' },
    force: { type: 'boolean' },
    'attestation-url': { type: 'string' },
    commit: { type: 'string' },
    repo: { type: 'string' },
    push: { type: 'boolean' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(registerUsage);
    return EXIT.ok;
  }
  const { cwd, github, storage } = io.context;
  const repository = options.repo === undefined ? undefined : parseRepo(options.repo);
  if (repository && options.push)
    throw new UserError(
      'usage',
      '--push goes with a local clone; with --repo the tag is created on GitHub directly',
    );
  const config = await loadConfig({ cwd, ...(options.config ? { path: options.config } : {}) });
  const commit = await resolveCommit(cwd, options.commit, repository !== undefined);
  const settings = resolveRegisterSettings(
    config,
    {
      ...(options.name !== undefined ? { name: options.name } : {}),
      files: options.model ?? [],
      ...(options.version !== undefined ? { version: options.version } : {}),
      ...(options.evaluation !== undefined ? { evaluation: options.evaluation } : {}),
      ...(options.gate !== undefined ? { gate: options.gate } : {}),
      ...(options.dataset !== undefined ? { dataset: options.dataset } : {}),
      ...(options['dataset-sha256'] !== undefined ? { datasetSha256: options['dataset-sha256'] } : {}),
      ...(options.storage !== undefined ? { storage: options.storage } : {}),
      ...(options.force !== undefined ? { force: options.force } : {}),
      ...(options['attestation-url'] !== undefined ? { attestation: options['attestation-url'] } : {}),
    },
    {
      name: '--name',
      files: '--model',
      version: '--version',
      storage: '--storage',
      force: '--force',
      datasetSha256: '--dataset-sha256',
      attestation: '--attestation-url',
    },
    {
      commit,
      ...(repository
        ? { repository: `${repository.owner}/${repository.repo}`, serverUrl: github.serverUrl }
        : {}),
    },
    options.config ?? DEFAULT_CONFIG_PATH,
  );
  const log = (message: string) => io.err(`modelship register: ${message}\n`);
  let ports;
  if (repository) {
    if (!github.token)
      throw new UserError(
        'usage',
        "--repo needs a token that can write the repository's contents: set GITHUB_TOKEN (or GH_TOKEN, e.g. `GH_TOKEN=$(gh auth token)`)",
      );
    const octokit = createGitHubClient({
      token: github.token,
      baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: github.apiUrl }),
      log,
    });
    ports = registerPortsFor({
      cwd,
      tags: {
        reader: githubRegistryTags(octokit, `${repository.owner}/${repository.repo}`),
        writer: githubRegistryTagsWriter(octokit, `${repository.owner}/${repository.repo}`),
      },
      github: { octokit, repository, serverUrl: github.serverUrl },
      storage: settings.storage,
      env: storage,
      log,
    });
  } else {
    ports = registerPortsFor({
      cwd,
      tags: {
        reader: gitRegistryTags({ cwd }),
        writer: gitRegistryTagsWriter({ cwd, ...(options.push ? { push: { remote: 'origin' } } : {}) }),
      },
      storage: settings.storage,
      env: storage,
      log,
    });
  }
  try {
    const outcome = await runRegister(settings, ports);
    io.out(options.json ? `${JSON.stringify(outcomeJson(outcome), null, 2)}\n` : outcomeText(outcome));
    return EXIT.ok;
  } finally {
    await ports.close();
  }
};

function parseRepo(text: string): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(text);
  if (!match) throw new UserError('usage', `--repo must be owner/name, e.g. acme/models, not "${text}"`);
  return { owner: match[1]!, repo: match[2]! };
}

/** The full sha of --commit (or HEAD) in the local clone; online, a full sha needs no clone. */
async function resolveCommit(cwd: string, rev: string | undefined, online: boolean): Promise<string> {
  if (rev !== undefined && /^[0-9a-f]{40}$/.test(rev) && online) return rev;
  try {
    return (
      await runGit({ cwd }, ['rev-parse', '--verify', '--end-of-options', `${rev ?? 'HEAD'}^{commit}`])
    ).trim();
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    throw new UserError(
      'usage',
      rev === undefined
        ? `cannot find the commit to tag: ${cwd} is not a git clone with a HEAD commit. Run in the model repository's clone, or pass --commit <full sha> with --repo`
        : `--commit ${rev} is not a commit of the clone in ${cwd}${online ? ' (with --repo, a full 40-character sha needs no clone)' : ''}`,
    );
  }
}

function outcomeJson(outcome: RegisterOutcome) {
  return {
    model: outcome.model,
    version: outcome.version,
    tag: outcome.tag,
    commit: outcome.commit,
    created: outcome.created,
    release: outcome.release ?? null,
    artifacts: outcome.artifacts,
    subjects: outcome.subjects,
  };
}

function outcomeText(outcome: RegisterOutcome): string {
  const lines = [
    outcome.created
      ? `Registered ${outcome.tag} on ${outcome.commit}.`
      : `${outcome.tag} was already registered on ${outcome.commit}; completed what was missing.`,
    ...(outcome.release ? [`Release: ${outcome.release.url}`] : []),
    ...outcome.artifacts.map((a) => `  ${a.name}  sha256:${a.sha256}  ${a.size} bytes  ${a.uri}`),
  ];
  return `${lines.join('\n')}\n`;
}
