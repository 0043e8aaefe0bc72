import { z } from 'zod';

/**
 * `lock.json`, the one file in the tree of an environment lock's commit (the ref
 * `refs/modelship/locks/ENV` in the model repository). Its bytes are a function of the claim only —
 * fixed key order, no time of writing — so a retried claim builds the same blob, tree and commit.
 */
export const lockFileSchema = z
  .object({
    schema: z.literal('modelship/lock@1'),
    environment: z.string().min(1),
    /** The login that holds it; its sticky lock lets its own promotions through. */
    owner: z.string().min(1),
    /** The pull request it was taken in (a sticky lock is released when that pull request closes). */
    pull_request: z.number().int().positive().nullable(),
    reason: z.string(),
    /** A /lock (until /unlock) rather than a promotion's hold while it writes. */
    sticky: z.boolean(),
    /** Who claimed it, for idempotence: a retry of the same claim finds its own lock. */
    claim_id: z.string().min(1),
    /** ISO 8601, the claim's time (second precision: git keeps no more). */
    created_at: z.string().datetime(),
    /** A write lock older than this may be taken over (its promotion stopped half-way). */
    expires_at: z.string().datetime().nullable(),
    /** The comment that took it. */
    link: z.string().nullable(),
  })
  .strict();
export type LockFile = z.output<typeof lockFileSchema>;

/** The file's text: keys in the schema's order, two-space indent, a final newline. */
export function formatLockFile(lock: LockFile): string {
  const ordered: LockFile = {
    schema: lock.schema,
    environment: lock.environment,
    owner: lock.owner,
    pull_request: lock.pull_request,
    reason: lock.reason,
    sticky: lock.sticky,
    claim_id: lock.claim_id,
    created_at: lock.created_at,
    expires_at: lock.expires_at,
    link: lock.link,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The lock a file holds, or why it holds none (the caller blocks on an unreadable lock). */
export function readLockFile(text: string): { ok: true; lock: LockFile } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'lock.json is not JSON' };
  }
  const parsed = lockFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, lock: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, detail: `lock.json: ${issue.path.join('.') || 'the file'}: ${issue.message}` };
}
