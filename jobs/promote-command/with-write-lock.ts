import { lockClaimId } from '../../core/locks/lock-claim-id.js';
import type { EnvironmentLock } from '../ports/environment-locks.js';
import type { CommentCommandRequest } from './command-ports.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';

/** Why the write did not start: someone else's lock (sticky, or a write that outlasted the waits) or an unreadable one. */
export type LockRefusal = { lock: EnvironmentLock } | { unreadable: string };

/**
 * Runs `write` holding the environment's write lock, so two promotions of one environment (on any
 * replicas) write one after the other. The claim is named after the comment, so a redelivery or a
 * retry finds its own lock. Another promotion's write lock is waited for a few times (they last
 * about a second); someone's sticky lock is not (a lock of the commenter's own lets them through,
 * and stays). The lock taken here is released however `write` ends.
 */
export async function withWriteLock<T>(
  environment: string,
  request: CommentCommandRequest,
  settings: CommandSettings,
  ports: CommentCommandPorts,
  write: () => Promise<T>,
): Promise<{ result: T } | { refused: LockRefusal }> {
  const claim = {
    environment,
    owner: { login: request.comment.author, pullRequest: request.pullRequest },
    reason: `promotion from comment ${request.comment.id}`,
    sticky: false,
    claimId: lockClaimId({
      repository: `${request.repository.owner}/${request.repository.repo}`,
      commentId: request.comment.id,
      environment,
      purpose: 'write',
    }),
    at: request.comment.createdAt,
    link: request.comment.url,
  };
  let wait = settings.lockRetryMs;
  let held: EnvironmentLock | undefined;
  for (let attempt = 1; ; attempt++) {
    const result = await ports.locks.claim(claim);
    if (result.status === 'claimed' || (result.status === 'held-by-us' && result.sameClaim)) {
      held = result.lock;
      break;
    }
    if (result.status === 'held-by-us') break; // the commenter's own sticky lock: go ahead, leave it
    if (result.status === 'unreadable') return { refused: { unreadable: result.detail } };
    if (result.lock.sticky || attempt >= settings.lockAttempts) return { refused: { lock: result.lock } };
    await settings.sleep(wait);
    wait = Math.min(wait * 2, 2_000);
  }
  try {
    return { result: await write() };
  } finally {
    // A release that fails does not turn a done promotion into a failed one: a write lock left
    // behind expires (the locks' TTL), and what was written stays written. `claimed`: the lock was
    // taken (or found ours) in this run, so it is deleted without reading it again — with the
    // command's next write (the reply), which always follows.
    if (held)
      await ports.locks.release(environment, { claimed: held }, { withNextWrite: true }).catch(() => {});
  }
}
