import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { UserError } from '../../core/errors.js';
import { githubApiUrlFromEnv } from '../github/github-api-url.js';
import { onnxRuntimeEnvironment, type OnnxRuntimeEnvironment } from './onnx-runtime-environment.js';
import { storageEnvironment, type StorageEnvironment } from './storage-environment.js';

/** What an action knows of the run it is part of: read once from the runner's environment. */
export interface ActionContext {
  /** The checkout: relative inputs resolve here, and files inside it can be annotated. */
  workspace: string;
  /** The runner's scratch directory (default reports go under it). */
  runnerTemp: string;
  /** `owner/repo`, when the runner says so. */
  repository?: { owner: string; repo: string };
  /** The pull request the run belongs to (pull_request and pull_request_target events), for its comments. */
  pullRequest?: number;
  /** The commit a check run belongs to: a pull request's head, not the merge commit GITHUB_SHA names. */
  headSha?: string;
  /** This workflow run's page, for a check run's details link. */
  runUrl?: string;
  apiUrl: string;
  /** GITHUB_SHA: the commit the workflow runs on (on a push, the commit that produced a model). */
  sha?: string;
  /** The web host's root (GITHUB_SERVER_URL): release download links are on it. */
  serverUrl: string;
  /** Who started the run (GITHUB_ACTOR): recorded by the registry. */
  actor?: string;
  /** A pull request from a fork: its GITHUB_TOKEN is read-only, so check runs cannot be created. */
  fromFork: boolean;
  /** The environment the data readers hand to S3 (endpoint settings); nothing else reads it. */
  storage: StorageEnvironment;
  /** Where the ONNX runtime comes from (tool cache, registry, native or WebAssembly). */
  onnx: OnnxRuntimeEnvironment;
  debug: boolean;
}

interface PullRequestEvent {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

/** Builds the context from the runner's `GITHUB_*`/`RUNNER_*` variables and the event payload. */
export function readActionContext(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ActionContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? { owner, repo } : undefined;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pull = event.pull_request;
  const headSha = pull?.head?.sha ?? env.GITHUB_SHA;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const headRepo = pull?.head?.repo?.full_name;
  return {
    workspace: env.GITHUB_WORKSPACE || cwd,
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    ...(repository ? { repository } : {}),
    ...(typeof pull?.number === 'number' ? { pullRequest: pull.number } : {}),
    ...(headSha ? { headSha } : {}),
    ...(repository && env.GITHUB_RUN_ID
      ? { runUrl: `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    apiUrl: githubApiUrlFromEnv(env),
    serverUrl,
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
    fromFork: pull !== undefined && headRepo !== undefined && headRepo !== pull.base?.repo?.full_name,
    storage: storageEnvironment(env),
    onnx: onnxRuntimeEnvironment(env),
    debug: env.RUNNER_DEBUG === '1',
  };
}

function readEvent(path: string | undefined): PullRequestEvent {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
  } catch (error) {
    throw new UserError('input', `the event payload cannot be read: ${(error as Error).message}`, {
      file: path,
      field: 'GITHUB_EVENT_PATH',
    });
  }
}
