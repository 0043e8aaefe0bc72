import type { Clock } from '../jobs/ports/clock.js';
import type { CommentCommandRequest } from '../jobs/promote-command/command-ports.js';
import type { CommentCommandPorts } from '../jobs/promote-command/comment-command-ports.js';
import type { GitHubClient } from '../platform/github/client.js';
import { commandFacts } from '../platform/github/command-facts.js';
import { commandThread } from '../platform/github/command-thread.js';
import { githubEnvironmentLocks } from '../platform/github/environment-locks.js';
import { githubDeployments } from '../platform/github/github-deployments.js';
import { githubReleaseAssets } from '../platform/github/github-release-assets.js';
import { githubTeamMemberships } from '../platform/github/github-team-memberships.js';
import { githubOpsRepository } from '../platform/ops/github-ops-repository.js';
import { githubRegistryTags } from '../platform/registry/github-registry-tags.js';
import { githubRegistryTagWriter } from '../platform/registry/github-registry-tags-writer.js';

const repositoryOf = (fullName: string) => {
  const [owner, repo] = fullName.split('/') as [string, string];
  return { owner, repo };
};

/**
 * The ports of one command on one client: the model repository (comment, facts, deployments,
 * registry, locks) and the ops repository. Nothing is called until the job asks.
 */
export function commandPorts(
  octokit: GitHubClient,
  request: Pick<CommentCommandRequest, 'repository'> &
    Partial<Pick<CommentCommandRequest, 'pullRequest' | 'comment'>>,
  options: { opsRepository: string; clock: Clock },
): CommentCommandPorts {
  const { repository } = request;
  const fullName = `${repository.owner}/${repository.repo}`;
  return {
    thread: commandThread(octokit, {
      ...repository,
      pullRequest: request.pullRequest ?? 0,
      commentId: request.comment?.id ?? 0,
    }),
    facts: commandFacts(octokit, repository),
    deployments: githubDeployments(octokit, repository),
    registry: githubRegistryTags(octokit, fullName),
    releases: githubReleaseAssets(octokit, repository),
    stageTags: githubRegistryTagWriter(octokit, repository),
    ops: githubOpsRepository(octokit, repositoryOf(options.opsRepository)),
    locks: githubEnvironmentLocks(octokit, { ...repository, now: () => options.clock.now() }),
    teams: githubTeamMemberships(octokit),
    clock: options.clock,
  };
}
