import type { CommentCommandRequest, LockState } from './command-ports.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';

/**
 * Runs `write` holding the environment's short write lock, so two promotions of one environment
 * (on any replicas) write one after the other. Another promotion's write lock is waited for a few
 * times (they last about a second); a sticky lock or an unreadable one is not waited for.
 * The lock is released however `write` ends.
 */
export async function withWriteLock<T>(
  environment: string,
  request: CommentCommandRequest,
  settings: CommandSettings,
  ports: CommentCommandPorts,
  write: () => Promise<T>,
): Promise<{ result: T } | { busy: LockState }> {
  const holder = {
    environment,
    kind: 'write' as const,
    by: request.comment.author,
    pullRequest: request.pullRequest,
    reason: `comment ${request.comment.id}`,
    since: ports.clock.now().toISOString(),
  };
  let wait = settings.lockRetryMs;
  for (let attempt = 1; ; attempt++) {
    const taken = await ports.locks.acquire(holder);
    if (taken.acquired) break;
    const other = taken.holder;
    if (other === 'unreadable' || other.kind === 'sticky' || attempt >= settings.lockAttempts) return { busy: other };
    await settings.sleep(wait);
    wait *= 2;
  }
  try {
    return { result: await write() };
  } finally {
    // A release that fails does not turn a done promotion into a failed one: a write lock left
    // behind expires (the locks' own rule), and the result already happened.
    await ports.locks
      .release(environment, 'write', { login: request.comment.author, pullRequest: request.pullRequest })
      .catch(() => {});
  }
}
