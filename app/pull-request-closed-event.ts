import type { PullRequestClosedRequest } from '../jobs/promote-command/command-ports.js';

interface PullRequestClosedPayload {
  action: string;
  number: number;
  repository: { name: string; owner: { login: string } };
  installation?: { id: number };
}

/** The fields of a `pull_request.closed` delivery the lock release needs (merged or not). */
export function pullRequestClosedOf(
  payload: PullRequestClosedPayload,
  deliveryId: string,
): PullRequestClosedRequest | undefined {
  if (payload.action !== 'closed' || !payload.installation) return undefined;
  return {
    deliveryId,
    installationId: payload.installation.id,
    repository: { owner: payload.repository.owner.login, repo: payload.repository.name },
    pullRequest: payload.number,
  };
}
