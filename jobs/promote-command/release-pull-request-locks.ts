import type { EnvironmentLocks, PullRequestClosedRequest } from './command-ports.js';

/** A pull request closed or merged: the sticky locks taken from it are released. */
export async function releasePullRequestLocks(
  request: PullRequestClosedRequest,
  ports: { locks: EnvironmentLocks },
): Promise<{ released: string[] }> {
  return { released: await ports.locks.releaseForPullRequest(request.pullRequest) };
}
