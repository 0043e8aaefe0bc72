import type { MergedPromotionPorts } from '../jobs/promote-command/merged-promotion-ports.js';
import type { GitHubClient } from '../platform/github/client.js';
import { commitMessages } from '../platform/github/commit-messages.js';
import { promotionDeployments } from '../platform/github/promotion-deployments.js';
import { pullRequestComments } from '../platform/github/sticky-comments.js';
import { githubOpsRepository } from '../platform/ops/github-ops-repository.js';
import { githubRegistryTags } from '../platform/registry/github-registry-tags.js';
import { githubRegistryTagWriter } from '../platform/registry/github-registry-tags-writer.js';

/**
 * The ports of a closed ops pull request on one installation's client: the ops repository, and the
 * model repository its promotion commit names (the app is installed on both).
 */
export function mergedPromotionPorts(
  octokit: GitHubClient,
  ops: { owner: string; repo: string },
): MergedPromotionPorts {
  return {
    opsCommitMessage: commitMessages(octokit, ops),
    ops: githubOpsRepository(octokit, ops),
    modelRepository: (repository) => ({
      deployments: promotionDeployments(octokit, repository),
      registry: githubRegistryTags(octokit, `${repository.owner}/${repository.repo}`),
      stageTags: githubRegistryTagWriter(octokit, repository),
      comments: (number) => pullRequestComments(octokit, { ...repository, number }),
    }),
  };
}
