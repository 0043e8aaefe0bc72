import type {
  PromotionDeployment,
  PromotionDeployments,
} from '../../jobs/promote-command/merged-promotion-ports.js';
import type { GitHubClient } from './client.js';
import { createDeploymentStatus } from './create-deployment-status.js';

/**
 * The model repository's deployments of one environment, for finishing a pull-request-mode
 * promotion: `repos/list-deployments` (newest first, one page of 100 — a queued promotion is among
 * the environment's recent deployments) and a deployment's newest status (`per_page: 1`: GitHub
 * lists statuses newest first).
 */
export function promotionDeployments(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): PromotionDeployments {
  return {
    async list(environment) {
      const { data } = await octokit.rest.repos.listDeployments({
        ...repository,
        environment,
        per_page: 100,
      });
      return data
        .filter((d) => typeof d.payload === 'object' && d.payload !== null)
        .map((d) => ({
          id: d.id,
          ref: d.ref,
          environment: d.environment,
          payload: d.payload as PromotionDeployment['payload'],
          creator: d.creator?.login ?? '',
        }));
    },
    async latestStatus(id) {
      const { data } = await octokit.rest.repos.listDeploymentStatuses({
        ...repository,
        deployment_id: id,
        per_page: 1,
      });
      const latest = data[0];
      return latest
        ? { state: latest.state, ...(latest.log_url ? { logUrl: latest.log_url } : {}) }
        : undefined;
    },
    setStatus: (id, status) =>
      createDeploymentStatus(octokit, repository, id, status, status.state === 'success'),
  };
}
