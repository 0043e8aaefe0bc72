import type { Deployments } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';
import { createOnce } from './create-once.js';
import { createDeploymentStatus } from './create-deployment-status.js';
import type { MutationBatch } from './mutation-batch.js';

type Status = Parameters<Deployments['setStatus']>[1];

/**
 * GitHub Deployments of the model repository. A deployment names the version's tag as its ref, so
 * GitHub resolves it when the deployment is made: the `sha` it answers is where the tag points at
 * that moment. `auto_merge: false` (never merge the default branch into anything) and
 * `required_contexts: []` (the gate is checked by the app, from the registry's record).
 */
export function githubDeployments(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  mutations?: MutationBatch,
): Deployments {
  /** The deployments' node ids (GraphQL's createDeploymentStatus names a deployment by it). */
  const nodeIds = new Map<number, string>();
  const restStatus = (id: number, status: Status) =>
    createDeploymentStatus(octokit, repository, id, status, true);
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
          const data = response.data as { id: number; node_id: string; sha: string; url: string };
          nodeIds.set(data.id, data.node_id);
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
          if (found) nodeIds.set(found.id, found.node_id);
          return found ? { id: found.id, sha: found.sha, url: found.url } : undefined;
        },
      ),
    async setStatus(id, status, options = {}) {
      const nodeId = nodeIds.get(id);
      if (!mutations || !nodeId) return restStatus(id, status);
      // Through the command's mutation batch even when not deferred: a status sent by REST while an
      // earlier one still waits in the batch would land before it.
      const mutation = {
        field: 'createDeploymentStatus(input: $input) { deploymentStatus { state } }',
        inputType: 'CreateDeploymentStatusInput!',
        input: {
          deploymentId: nodeId,
          state: status.state.toUpperCase(),
          description: status.description.slice(0, 140),
          ...(status.environmentUrl ? { environmentUrl: status.environmentUrl } : {}),
          ...(status.logUrl ? { logUrl: status.logUrl } : {}),
          autoInactive: true,
        },
        preview: 'flash' as const,
        idempotent: true,
        fallback: () => restStatus(id, status),
      };
      if (options.withNextWrite) return mutations.defer(mutation);
      const [sent] = await mutations.send([mutation]);
      if (!sent!.ok) await restStatus(id, status);
    },
  };
}
