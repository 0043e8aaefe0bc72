import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { PromotePorts } from '../jobs/promote/promote-ports.js';
import type { CliContext } from '../platform/context/cli-context.js';
import { createGitHubClient, type GitHubClient } from '../platform/github/client.js';
import { githubApiUrlFromEnv } from '../platform/github/github-api-url.js';
import { githubOpsRepository } from '../platform/ops/github-ops-repository.js';
import { localOpsRepository } from '../platform/ops/local-ops-repository.js';
import { gitRegistryTags } from '../platform/registry/git-registry-tags.js';

const OWNER_REPO = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/**
 * The ports of `promote` and `status`: the ops repository (a local path, or owner/repo through the
 * API: a directory that exists wins, `./owner/repo` forces a path) and the model repository's
 * registry (the tags of the current directory's git).
 */
export function promotionPorts(options: { opsRepo?: string }, context: CliContext): PromotePorts {
  const ops = options.opsRepo ?? '.';
  let client: GitHubClient | undefined;
  const github = () =>
    (client ??= createGitHubClient({
      ...(context.github.token ? { token: context.github.token } : {}),
      baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: context.github.apiUrl }),
    }));
  const remote = OWNER_REPO.test(ops) && !existsSync(resolve(context.cwd, ops));
  if (remote && !context.github.token)
    throw new UserError(
      'usage',
      `--ops-repo ${ops} is a GitHub repository: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read it, and write to it to promote`,
    );
  const [owner, repo] = ops.split('/') as [string, string];
  return {
    ops: remote
      ? githubOpsRepository(github(), { owner, repo })
      : localOpsRepository(resolve(context.cwd, ops)),
    registry: gitRegistryTags({ cwd: context.cwd }),
  };
}
