import type { Clock } from '../jobs/ports/clock.js';
import type { CommentCommandRequest } from '../jobs/promote-command/command-ports.js';
import type { CommentCommandPorts } from '../jobs/promote-command/comment-command-ports.js';
import type { GitHubClient } from '../platform/github/client.js';
import { githubCommandArrival } from '../platform/github/command-arrival.js';
import { commandFacts } from '../platform/github/command-facts.js';
import { type CommandNodeIds, commandThread } from '../platform/github/command-thread.js';
import { githubEnvironmentLocks } from '../platform/github/environment-locks.js';
import { githubDeployments } from '../platform/github/github-deployments.js';
import { githubReleaseAssets } from '../platform/github/github-release-assets.js';
import { githubTeamMemberships } from '../platform/github/github-team-memberships.js';
import { mutationBatch } from '../platform/github/mutation-batch.js';
import { githubOpsRepository } from '../platform/ops/github-ops-repository.js';
import { githubRegistryTags } from '../platform/registry/github-registry-tags.js';
import { githubRegistryTagWriter } from '../platform/registry/github-registry-tags-writer.js';

const repositoryOf = (fullName: string) => {
  const [owner, repo] = fullName.split('/') as [string, string];
  return { owner, repo };
};

/**
 * The ports of one command on one client: the model repository (comment, facts, deployments,
 * registry, locks) and the ops repository. Nothing is called until the job asks. The command's
 * writes that need no answer at once (deployment statuses, the lock's release) share one mutation
 * batch with its next GraphQL write (the ops commit, the reply), and the node ids those mutations
 * name are collected as the command learns them (the comment's from the webhook, the pull
 * request's from the arrival query).
 */
export function commandPorts(
  octokit: GitHubClient,
  request: Pick<CommentCommandRequest, 'repository'> &
    Partial<Pick<CommentCommandRequest, 'pullRequest' | 'comment'>>,
  options: { opsRepository: string; clock: Clock },
): CommentCommandPorts {
  const { repository } = request;
  const fullName = `${repository.owner}/${repository.repo}`;
  const mutations = mutationBatch(octokit);
  const ids: CommandNodeIds = request.comment?.nodeId ? { comment: request.comment.nodeId } : {};
  const ops = githubOpsRepository(octokit, repositoryOf(options.opsRepository), { mutations });
  return {
    thread: commandThread(
      octokit,
      { ...repository, pullRequest: request.pullRequest ?? 0, commentId: request.comment?.id ?? 0 },
      { mutations, ids },
    ),
    arrival: githubCommandArrival(octokit, { model: repository, ops, ids }),
    facts: commandFacts(octokit, repository),
    deployments: githubDeployments(octokit, repository, mutations),
    registry: githubRegistryTags(octokit, fullName),
    releases: githubReleaseAssets(octokit, repository),
    stageTags: githubRegistryTagWriter(octokit, repository),
    ops,
    locks: githubEnvironmentLocks(octokit, { ...repository, now: () => options.clock.now(), mutations }),
    teams: githubTeamMemberships(octokit),
    clock: options.clock,
  };
}
