import { type LockFile, formatLockFile, readLockFile } from './lock-file.js';

/** A commit on git's empty tree: the lock needs no tree of its own, so claiming it makes no tree. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * The message of an environment lock's commit: a headline and how to release it, then the lock
 * file's JSON as the last paragraph. The commit sits on the empty tree, so the lock is claimed with
 * two calls (create-commit, create-ref) instead of three (create-tree first), and the message is a
 * function of the claim alone, so a retried claim makes the same commit.
 */
export function formatLockCommitMessage(lock: LockFile, ref: string): string {
  const what = lock.sticky ? `Lock ${lock.environment}` : `Lock ${lock.environment} while promoting`;
  return `${what}\n\nRelease it with /unlock ${lock.environment} --force, or delete ${ref}.\n\n${formatLockFile(lock)}`;
}

/**
 * The lock a commit message holds; `undefined` when it holds no JSON paragraph at all (a lock of the
 * earlier format keeps it in a `lock.json` file instead). JSON never puts a raw newline inside a
 * string, so the paragraph that starts with a lone `{` line is the lock, whatever its reason says.
 */
export function readLockCommitMessage(
  message: string,
): { ok: true; lock: LockFile } | { ok: false; detail: string } | undefined {
  const normalized = message.replace(/\r\n/g, '\n');
  const start = normalized.startsWith('{\n') ? 0 : normalized.indexOf('\n\n{\n') + 2;
  if (start === 1) return undefined;
  const read = readLockFile(normalized.slice(start));
  return read.ok ? read : { ok: false, detail: read.detail.replace(/^lock\.json/, 'the lock commit') };
}
