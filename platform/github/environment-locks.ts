import { UserError } from '../../core/errors.js';
import {
  EMPTY_TREE,
  formatLockCommitMessage,
  readLockCommitMessage,
} from '../../core/locks/lock-commit-message.js';
import { type LockFile, readLockFile } from '../../core/locks/lock-file.js';
import type {
  ClaimResult,
  EnvironmentLock,
  EnvironmentLocks,
  LockClaim,
  LockState,
  ReleaseResult,
  ReleaseSelector,
} from '../../jobs/ports/environment-locks.js';
import type { GitHubClient } from './client.js';
import type { MutationBatch } from './mutation-batch.js';

export interface GitHubEnvironmentLocksOptions {
  owner: string;
  repo: string;
  /**
   * Where the locks live. Default `refs/modelship/locks/`: outside `refs/heads/`, a lock is no branch
   * — no branch list clutter, no push events or workflows, no branch rules to exempt it from — and
   * clones do not fetch it. GitHub's create-ref takes any name under `refs/` with two slashes.
   * `refs/heads/modelship-lock/` is the fallback for a host that refuses custom namespaces.
   */
  refPrefix?: string;
  /**
   * How long a write lock (a promotion's) holds before another claim may take it over: a
   * promotion that stopped half-way must not block its environment until someone notices.
   * Default 10 minutes; sticky locks never expire.
   */
  writeLockTtlMs?: number;
  /** Author and committer of the lock commits (fixed: part of what makes a claim's sha). */
  identity?: { name: string; email: string };
  now?: () => Date;
  /**
   * The command's mutation batch: a release `withNextWrite` travels as a `deleteRef` in the
   * command's next GraphQL mutation request instead of a call of its own.
   */
  mutations?: MutationBatch;
}

/** Where locks of the first format kept their JSON; still read, so their refs are not "unreadable". */
const LOCK_FILE = 'lock.json';
/** Claims re-read and retry at most this often when the lock changes under them. */
const ATTEMPTS = 3;
/** A claimed write lock is released unread only while it has at least this long left. */
const RELEASE_MARGIN_MS = 60_000;

/**
 * Environment locks as git refs in the model repository, each pointing at a parentless commit on
 * git's empty tree whose message holds the lock's JSON (core/locks/lock-commit-message.ts). Creating
 * the ref is the atomic claim: GitHub creates a ref only if it does not exist, so of any number of
 * replicas claiming at once exactly one succeeds. The commit is built from the claim alone (fixed
 * author, committer, date and message, no parent), so a retried claim makes the same sha and
 * recognises the ref as its own. Locks of the first format (a tree holding `lock.json`) are still
 * read, so a ref written by an older replica keeps blocking as the lock it is.
 *
 * API calls: a claim 2 (create-commit on the empty tree, create-ref), 2 more when the ref exists
 * (get-ref, get-commit), 2 more to take over an expired write lock; a read 2 (a lock of the first
 * format 3); a release of the write lock the caller just claimed 1 (delete-ref, or none of its own
 * when it travels with the command's next mutation request), of another lock it holds 2 (get-ref,
 * delete-ref), 3 when the lock must be read.
 */
export function githubEnvironmentLocks(
  octokit: GitHubClient,
  options: GitHubEnvironmentLocksOptions,
): EnvironmentLocks {
  const { owner, repo } = options;
  const prefix = options.refPrefix ?? 'refs/modelship/locks/';
  const ttl = options.writeLockTtlMs ?? 10 * 60_000;
  const identity = options.identity ?? { name: 'Modelship', email: 'modelship@users.noreply.github.com' };
  const now = options.now ?? (() => new Date());
  const where = `${owner}/${repo}`;
  /** The node ids of the refs this client created (GraphQL's deleteRef names a ref by it). */
  const refIds = new Map<string, { sha: string; id: string }>();

  const refOf = (environment: string) => `${prefix}${checkEnvironment(environment)}`;
  /** The ref as the REST paths want it: without `refs/`. */
  const shortRef = (environment: string) => refOf(environment).slice('refs/'.length);

  async function getRef(environment: string): Promise<string | undefined> {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: shortRef(environment) });
      return data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw asLockError(error, where, 'read');
    }
  }

  /** The lock a commit holds; a ref whose target is not a lock commit is "unreadable". */
  async function readAt(environment: string, sha: string): Promise<LockState> {
    const unreadable = (detail: string): LockState => ({ state: 'unreadable', environment, sha, detail });
    let message: string;
    try {
      ({
        data: { message },
      } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 422)
        return unreadable(`the lock's ref points at no commit (${sha.slice(0, 7)})`);
      throw asLockError(error, where, 'read');
    }
    const parsed = readLockCommitMessage(message) ?? (await readLockFileAt(sha));
    if (!parsed.ok) return unreadable(parsed.detail);
    if (parsed.lock.environment !== environment)
      return unreadable(`the lock is for environment "${parsed.lock.environment}"`);
    return { state: 'locked', lock: toLock(parsed.lock, sha) };
  }

  /** A lock of the first format: `lock.json` in the commit's tree. */
  async function readLockFileAt(sha: string): Promise<ReturnType<typeof readLockFile>> {
    try {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, path: LOCK_FILE, ref: sha });
      if (
        Array.isArray(data) ||
        data.type !== 'file' ||
        !('content' in data) ||
        typeof data.content !== 'string'
      )
        return { ok: false, detail: `${LOCK_FILE} is not a file` };
      return readLockFile(Buffer.from(data.content, 'base64').toString('utf8'));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 422)
        return { ok: false, detail: `the lock's commit ${sha.slice(0, 7)} holds no lock` };
      throw asLockError(error, where, 'read');
    }
  }

  async function read(environment: string): Promise<LockState> {
    const sha = await getRef(environment);
    return sha === undefined ? { state: 'free', environment } : readAt(environment, sha);
  }

  async function createCommit(file: LockFile, ref: string, parents: string[]): Promise<string> {
    const person = { ...identity, date: file.created_at };
    // Author and committer both given: left out, GitHub fills in the time of the request (and may
    // sign the commit), and a retried claim would make a different commit.
    const commit = (tree: string) =>
      octokit.rest.git.createCommit({
        owner,
        repo,
        message: formatLockCommitMessage(file, ref),
        tree,
        parents,
        author: person,
        committer: person,
      });
    try {
      return (await commit(EMPTY_TREE)).data.sha;
    } catch (error) {
      // A host that does not take git's empty tree as always there: make it (once), then commit.
      if (statusOf(error) !== 422 || !/tree/i.test((error as Error).message ?? ''))
        throw asLockError(error, where, 'write');
    }
    try {
      const { data: tree } = await octokit.rest.git.createTree({ owner, repo, tree: [] });
      return (await commit(tree.sha)).data.sha;
    } catch (error) {
      throw asLockError(error, where, 'write');
    }
  }

  async function claim(request: LockClaim): Promise<ClaimResult> {
    const { environment } = request;
    const ref = refOf(environment);
    const file = lockFileOf(request, ttl);
    const sha = await createCommit(file, ref, []);
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await octokit.rest.git.createRef({ owner, repo, ref, sha });
        refIds.set(environment, { sha, id: data.node_id });
        return { status: 'claimed', lock: toLock(file, sha) };
      } catch (error) {
        // 422 "Reference already exists" (the name itself was checked before): someone holds it,
        // perhaps this very claim, whose earlier attempt landed but whose answer was lost.
        if (statusOf(error) !== 422) throw asLockError(error, where, 'write');
      }
      const current = await getRef(environment);
      if (current === undefined) {
        if (attempt < ATTEMPTS) continue; // released in between: claim again
        throw new Error(`the lock on ${environment} in ${where} kept changing; try again`);
      }
      if (current === sha) return { status: 'held-by-us', lock: toLock(file, sha), sameClaim: true };
      const state = await readAt(environment, current);
      if (state.state === 'unreadable') return { status: 'unreadable', ...state };
      if (state.state !== 'locked') continue;
      const { lock } = state;
      if (lock.claimId === request.claimId) return { status: 'held-by-us', lock, sameClaim: true };
      if (lock.sticky && lock.owner.login.toLowerCase() === request.owner.login.toLowerCase())
        return { status: 'held-by-us', lock, sameClaim: false };
      if (lock.sticky || lock.expiresAt === undefined || Date.parse(lock.expiresAt) > now().getTime())
        return { status: 'held-by-other', lock };
      // An expired write lock: replace it by a commit that has it as parent, moved in as a
      // fast-forward — GitHub refuses a non-fast-forward update, so if another claim took the lock
      // over first, this one fails and reads again instead of overwriting it.
      const takeover = await createCommit(file, ref, [current]);
      try {
        const { data } = await octokit.rest.git.updateRef({
          owner,
          repo,
          ref: shortRef(environment),
          sha: takeover,
          force: false,
        });
        refIds.set(environment, { sha: takeover, id: data.node_id });
        return { status: 'claimed', lock: toLock(file, takeover) };
      } catch (error) {
        if (statusOf(error) !== 422) throw asLockError(error, where, 'write');
        if (attempt >= ATTEMPTS) return { status: 'held-by-other', lock };
      }
    }
  }

  async function release(
    environment: string,
    selector: ReleaseSelector,
    how: { withNextWrite?: boolean } = {},
  ): Promise<ReleaseResult> {
    // A write lock claimed in this run and still well inside its TTL cannot have changed hands (only
    // an expired write lock is taken over), so the get-ref that guards other releases is skipped.
    // The margin covers clock skew between replicas. (`/unlock ENV --force` followed by another
    // claim in the same seconds is the one way to lose it; that is the same window the get-ref
    // below leaves open, as GitHub's delete-ref takes no expected sha.)
    if ('claimed' in selector) {
      const expires = selector.claimed.expiresAt ? Date.parse(selector.claimed.expiresAt) : Number.NaN;
      if (expires - RELEASE_MARGIN_MS > now().getTime()) {
        const ref = refIds.get(environment);
        if (!how.withNextWrite || !options.mutations || ref?.sha !== selector.claimed.sha)
          return deleteLock(environment);
        // GraphQL's deleteRef in the command's next mutation request; by REST if that fails.
        options.mutations.defer({
          field: 'deleteRef(input: $input) { clientMutationId }',
          inputType: 'DeleteRefInput!',
          input: { refId: ref.id },
          idempotent: true,
          fallback: () => deleteLock(environment),
        });
        return { released: true };
      }
      return release(environment, { lock: selector.claimed });
    }
    const sha = await getRef(environment);
    if (sha === undefined) return { released: false, why: 'not-locked' };
    let lock: EnvironmentLock | undefined;
    const known = 'lock' in selector && selector.lock.sha === sha;
    if (!known) {
      const state = await readAt(environment, sha);
      lock = state.state === 'locked' ? state.lock : undefined;
      if (!('force' in selector) && !(lock && matches(lock, selector)))
        return { released: false, why: 'not-ours', ...(lock ? { lock } : {}) };
    }
    // Between reading the ref and deleting it the lock could change hands: GitHub's delete-ref
    // takes no expected sha. Only an expired write lock changes hands without its holder, so this
    // removes at most a takeover's lock made in the same instant; the promotion writes behind it
    // are compare-and-swaps of the ops branch, so the worst outcome is two promotions interleaving
    // safely, never a lost update.
    return deleteLock(environment, lock);
  }

  async function deleteLock(environment: string, lock?: EnvironmentLock): Promise<ReleaseResult> {
    try {
      await octokit.rest.git.deleteRef({ owner, repo, ref: shortRef(environment) });
    } catch (error) {
      if (statusOf(error) === 422) return { released: false, why: 'not-locked' };
      throw asLockError(error, where, 'write');
    }
    return { released: true, ...(lock ? { lock } : {}) };
  }

  async function list(): Promise<LockState[]> {
    let refs: { ref: string; object: { sha: string } }[];
    try {
      ({ data: refs } = await octokit.rest.git.listMatchingRefs({
        owner,
        repo,
        ref: prefix.slice('refs/'.length).replace(/\/$/, ''),
      }));
    } catch (error) {
      throw asLockError(error, where, 'read');
    }
    return Promise.all(
      refs
        .filter((r) => r.ref.startsWith(prefix))
        .map((r) => readAt(r.ref.slice(prefix.length), r.object.sha)),
    );
  }

  return { claim, release, read, list };
}

function matches(lock: EnvironmentLock, selector: ReleaseSelector): boolean {
  if ('force' in selector) return true;
  if ('lock' in selector) return lock.claimId === selector.lock.claimId;
  if ('claimed' in selector) return lock.claimId === selector.claimed.claimId;
  if ('owner' in selector) return lock.owner.login.toLowerCase() === selector.owner.toLowerCase();
  return lock.owner.pullRequest === selector.pullRequest;
}

/** The lock file of a claim: every field from the claim, none from the moment of writing. */
function lockFileOf(claim: LockClaim, ttl: number): LockFile {
  const time = Date.parse(claim.at);
  if (Number.isNaN(time)) throw new Error(`the claim's time is not a date: ${claim.at}`);
  const createdAt = new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    schema: 'modelship/lock@1',
    environment: claim.environment,
    owner: claim.owner.login,
    pull_request: claim.owner.pullRequest ?? null,
    reason: claim.reason,
    sticky: claim.sticky,
    claim_id: claim.claimId,
    created_at: createdAt,
    expires_at: claim.sticky
      ? null
      : new Date(Date.parse(createdAt) + ttl).toISOString().replace('.000Z', 'Z'),
    link: claim.link ?? null,
  };
}

function toLock(file: LockFile, sha: string): EnvironmentLock {
  return {
    environment: file.environment,
    owner: { login: file.owner, ...(file.pull_request !== null ? { pullRequest: file.pull_request } : {}) },
    reason: file.reason,
    sticky: file.sticky,
    claimId: file.claim_id,
    createdAt: file.created_at,
    ...(file.expires_at !== null ? { expiresAt: file.expires_at } : {}),
    ...(file.link !== null ? { link: file.link } : {}),
    sha,
  };
}

/**
 * Environment names are the config's (letters, digits, `.`, `_`, `-`); git refuses a few of those
 * in a ref name (`..`, a final `.` or `.lock`), which would read as "exists" in create-ref's 422.
 */
function checkEnvironment(environment: string): string {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(environment) || /\.\.|\.$|\.lock$/.test(environment))
    throw new UserError(
      'config',
      `"${environment}" cannot name a lock: use letters, digits, "_", "-" and single dots`,
      {
        field: 'environments',
      },
    );
  return environment;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** A refusal the installation can fix (a missing permission) as a UserError saying which. */
function asLockError(error: unknown, where: string, access: 'read' | 'write'): unknown {
  const status = statusOf(error);
  const rateLimited = /rate limit/i.test((error as Error).message ?? '');
  if (!rateLimited && (status === 403 || (status === 404 && access === 'write')))
    return new UserError(
      'access',
      `cannot ${access} the environment locks in ${where}: the app's installation needs the "contents: ${access}" permission on it (GitHub answered ${status}: ${(error as Error).message})`,
    );
  return error;
}
