import type { Deployments } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';
import { createOnce } from './create-once.js';

/**
 * GitHub Deployments of the model repository. A deployment names the version's tag as its ref, so
 * GitHub resolves it when the deployment is made: the `sha` it answers is where the tag points at
 * that moment. `auto_merge: false` (never merge the default branch into anything) and
 * `required_contexts: []` (the gate is checked by the app, from the registry's record).
 */
export function githubDeployments(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): Deployments {
  return {
    async create(deployment) {
      const response = await octokit.rest.repos.createDeployment({
        ...repository,
        ref: deployment.ref,
        environment: deployment.environment,
        description: deployment.description,
        payload: { ...deployment.payload },
        auto_merge: false,
        required_contexts: [],
        production_environment: deployment.production,
        transient_environment: false,
      });
      if (response.status !== 201)
        throw new Error(`GitHub did not create the deployment of ${deployment.ref}`);
      const data = response.data as { id: number; sha: string; url: string };
      return { id: data.id, sha: data.sha, url: data.url };
    },
    async setStatus(id, status) {
      await octokit.rest.repos.createDeploymentStatus({
        ...repository,
        deployment_id: id,
        state: status.state,
        description: status.description.slice(0, 140),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
        auto_inactive: true,
      });
    },
  };
}
