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
    // A deployment whose answer was lost is found by its payload (the command's comment), not made twice.
    create: (deployment) =>
      createOnce(
        async () => {
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
            request: { retries: 0 },
          });
          if (response.status !== 201)
            throw new Error(`GitHub did not create the deployment of ${deployment.ref}`);
          const data = response.data as { id: number; sha: string; url: string };
          return { id: data.id, sha: data.sha, url: data.url };
        },
        async () => {
          const { data } = await octokit.rest.repos.listDeployments({
            ...repository,
            ref: deployment.ref,
            environment: deployment.environment,
            per_page: 100,
          });
          const found = data.find((d) => {
            const payload = d.payload as { comment?: string; kind?: string } | string;
            return (
              typeof payload === 'object' &&
              payload.comment === deployment.payload.comment &&
              payload.kind === deployment.payload.kind
            );
          });
          return found ? { id: found.id, sha: found.sha, url: found.url } : undefined;
        },
      ),
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
