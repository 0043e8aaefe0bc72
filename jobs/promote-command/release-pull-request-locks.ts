import type { EnvironmentLocks } from '../ports/environment-locks.js';
import type { PullRequestClosedRequest } from './command-ports.js';

/** A pull request closed or merged: the locks taken from it are released. */
export async function releasePullRequestLocks(
  request: PullRequestClosedRequest,
  ports: { locks: EnvironmentLocks },
): Promise<{ released: string[] }> {
  const held = (await ports.locks.list()).filter(
    (state) => state.state === 'locked' && state.lock.owner.pullRequest === request.pullRequest,
  );
  const released: string[] = [];
  for (const state of held) {
    if (state.state !== 'locked') continue;
    const result = await ports.locks.release(state.lock.environment, { pullRequest: request.pullRequest });
    if (result.released) released.push(state.lock.environment);
  }
  return { released };
}
