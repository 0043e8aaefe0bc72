import type { GitHubClient } from './client.js';

/** A deployment status as the promotion jobs say it (GitHub's description holds 140 characters). */
export interface DeploymentStatusRequest {
  state: 'in_progress' | 'queued' | 'success' | 'failure' | 'error' | 'inactive';
  description: string;
  environmentUrl?: string;
  logUrl?: string;
}

/**
 * `repos/create-deployment-status` by REST. `autoInactive`: GitHub marks the environment's earlier
 * successful deployments inactive once this one succeeds, so the environment shows one live version.
 */
export async function createDeploymentStatus(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  id: number,
  status: DeploymentStatusRequest,
  autoInactive: boolean,
): Promise<void> {
  await octokit.rest.repos.createDeploymentStatus({
    ...repository,
    deployment_id: id,
    state: status.state,
    description: status.description.slice(0, 140),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
    auto_inactive: autoInactive,
  });
}
