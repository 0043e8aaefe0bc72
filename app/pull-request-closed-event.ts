import type { PullRequestClosedRequest } from '../jobs/promote-command/command-ports.js';

interface PullRequestClosedPayload {
  action: string;
  number: number;
  repository: { name: string; owner: { login: string } };
  installation?: { id: number };
  pull_request?: {
    merged?: boolean | null;
    html_url: string;
    head: { ref: string; sha: string; repo?: { full_name: string } | null };
  };
}

/**
 * The fields of a `pull_request.closed` delivery the app needs: the repository and number (the lock
 * release, merged or not), and whether it merged with its head (an ops repository's promotion pull
 * request is completed from them).
 */
export function pullRequestClosedOf(
  payload: PullRequestClosedPayload,
  deliveryId: string,
): PullRequestClosedRequest | undefined {
  if (payload.action !== 'closed' || !payload.installation) return undefined;
  const pull = payload.pull_request;
  return {
    deliveryId,
    installationId: payload.installation.id,
    repository: { owner: payload.repository.owner.login, repo: payload.repository.name },
    pullRequest: payload.number,
    ...(pull
      ? {
          closed: {
            merged: pull.merged === true,
            url: pull.html_url,
            head: {
              ref: pull.head.ref,
              sha: pull.head.sha,
              ...(pull.head.repo ? { repository: pull.head.repo.full_name } : {}),
            },
          },
        }
      : {}),
  };
}
