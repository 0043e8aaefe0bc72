import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { PromotePorts } from '../jobs/promote/promote-ports.js';
import { localOpsRepository } from '../platform/ops/local-ops-repository.js';
import { gitRegistryTags } from '../platform/registry/git-registry-tags.js';
import type { CliIO } from './cli-io.js';

const OWNER_REPO = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/**
 * The ports of `promote` and `status`: the ops repository — a local clone's path, or owner/repo
 * through the API (a directory that exists wins; `./owner/repo` forces a path) — and the model
 * repository's registry: the current directory's tags, or with --repo its tags through the API. One
 * Octokit serves both when both are on GitHub. The GitHub client loads only when GitHub is used: a
 * local promotion does not pay for Octokit's start-up. `writes`: the command will write (a local
 * clone then reads what a commit needs while the plan is made).
 */
export async function promotionPorts(
  io: CliIO,
  options: { opsRepo?: string; repo?: string; writes?: boolean },
): Promise<PromotePorts> {
  const { context } = io;
  const where = options.opsRepo ?? '.';
  const local = () => localOpsRepository(resolve(context.cwd, where), { writes: options.writes === true });
  const remoteOps = OWNER_REPO.test(where) && !existsSync(resolve(context.cwd, where));
  if (!remoteOps && options.repo === undefined)
    return {
      ops: local(),
      registry: gitRegistryTags({ cwd: context.cwd }),
    };
  const { registrySource } = await import('./commands/registry/registry-source.js');
  const registry = await registrySource(io, options.repo !== undefined ? { repo: options.repo } : {});
  if (!remoteOps) return { ops: local(), registry: registry.tags };
  const { token } = context.github;
  if (!token)
    throw new UserError(
      'access',
      `--ops-repo ${where} is a GitHub repository: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it (contents: write and pull-requests: write to promote)`,
    );
  const [{ createGitHubClient }, { githubApiUrlFromEnv }, { githubOpsRepository }] = await Promise.all([
    import('../platform/github/client.js'),
    import('../platform/github/github-api-url.js'),
    import('../platform/ops/github-ops-repository.js'),
  ]);
  const client = registry.online
    ? registry.client
    : createGitHubClient({
        token,
        baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: context.github.apiUrl }),
        log: (message) => io.err(`modelship: ${message}\n`),
      });
  const [owner, repo] = where.split('/') as [string, string];
  return { ops: githubOpsRepository(client, { owner, repo }), registry: registry.tags };
}
