import { UserError } from '../../../core/errors.js';
import type { RegistryProblem } from '../../../core/registry/registry-types.js';
import type { RegistryTagReader } from '../../../jobs/ports/registry-tags.js';
import type { GitHubClient } from '../../../platform/github/client.js';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import type { CliIO } from '../../cli-io.js';

export type RegistrySource =
  | { online: false; tags: RegistryTagReader; where: { cwd: string; gitDir?: string } }
  | { online: true; tags: RegistryTagReader; client: GitHubClient; repo: string };

/**
 * Where the registry is read: the local clone (default, no API call), or GitHub with --repo. The
 * GitHub client (Octokit and its plugins) loads only online: an offline query never pays for it.
 */
export async function registrySource(
  io: CliIO,
  options: { repo?: string; 'git-dir'?: string },
): Promise<RegistrySource> {
  if (options.repo === undefined) {
    const where = { cwd: io.context.cwd, ...(options['git-dir'] ? { gitDir: options['git-dir'] } : {}) };
    return { online: false, tags: gitRegistryTags(where), where };
  }
  if (options['git-dir'] !== undefined)
    throw new UserError('usage', '--repo and --git-dir name two different registries: give one');
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repo))
    throw new UserError('usage', `--repo takes owner/name (e.g. acme/models), not "${options.repo}"`);
  const { token } = io.context.github;
  if (!token)
    throw new UserError(
      'access',
      `--repo ${options.repo} reads GitHub's API, which needs a token: set GITHUB_TOKEN or GH_TOKEN (contents: read; contents: write to assign, unassign, deregister or deprecate)`,
    );
  const [{ createGitHubClient }, { githubApiUrlFromEnv }, { githubRegistryTags }] = await Promise.all([
    import('../../../platform/github/client.js'),
    import('../../../platform/github/github-api-url.js'),
    import('../../../platform/registry/github-registry-tags.js'),
  ]);
  const client = createGitHubClient({
    token,
    baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: io.context.github.apiUrl }),
    log: (message) => io.err(`modelship registry: ${message}\n`),
  });
  return { online: true, tags: githubRegistryTags(client, options.repo), client, repo: options.repo };
}

/** A lightweight tag in the registry's format is never skipped silently (GTO's habit): one line each. */
export function warnAboutTags(io: CliIO, problems: readonly RegistryProblem[]): void {
  for (const p of problems)
    if (p.kind === 'lightweight-tag') io.err(`modelship registry: warning: ${p.message}\n`);
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
