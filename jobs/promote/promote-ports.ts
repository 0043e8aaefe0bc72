import type { FileChange, PullRequestResult } from '../../core/promotion/promotion-outcome.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';

export type { FileChange, PullRequestResult };

/** The ops repository at one commit of one branch: everything a plan reads comes from the same commit. */
export interface OpsSnapshot {
  branch: string;
  defaultBranch: string;
  /** The branch's head when the snapshot was taken: the expected head of the write that follows. */
  commit: string;
  /** A file's text at `commit`, undefined when there is no such file. */
  readFile(path: string): Promise<string | undefined>;
  /** Several files in one round trip (one query, one `git cat-file --batch`). */
  readFiles(paths: readonly string[]): Promise<Map<string, string | undefined>>;
  /** Paths of the files at `commit` matching any of the globs, sorted. */
  listFiles(globs: readonly string[]): Promise<string[]>;
}

export interface CommitRequest {
  branch: string;
  /** The commit the changes were planned on; the write is a compare-and-swap against it. */
  expectedHead: string;
  changes: FileChange[];
  message: string;
}

export interface CommitResult {
  commit: string;
  /** Where people can see it (the commit's page on GitHub), when there is one. */
  url?: string;
}

export interface PullRequestRequest {
  /** The branch the pull request merges into (the environment's branch). */
  base: string;
  /** Its head when planned: the pull request's commit has this parent. */
  baseCommit: string;
  /** The stable head branch (`modelship/ENV/MODEL`). */
  branch: string;
  title: string;
  body: string;
  changes: FileChange[];
  message: string;
}

/** Lost a race: the branch moved since the snapshot. The caller re-reads, re-plans and retries. */
export interface Stale {
  stale: true;
}

/** A precondition of the write does not hold (uncommitted edits in a checkout): nothing was written. */
export interface Refused {
  refused: string;
}

/**
 * The ops repository: a local checkout (git plumbing) or a GitHub repository (the API). Writes are
 * compare-and-swaps on the branch head, so two promotions racing never lose an update.
 */
export interface OpsRepository {
  /** How messages name it: `owner/repo`, or the checkout's path. */
  readonly name: string;
  /**
   * The branch (default: the repository's default branch) at its current head; a missing branch is a
   * UserError. `prefetch`: files about to be read, which a host may fetch with the head (GitHub: in
   * the same query, one call fewer).
   */
  snapshot(branch?: string, prefetch?: readonly string[]): Promise<OpsSnapshot>;
  /** One commit of all the changes on top of `expectedHead`, or `{ stale: true }` when the branch moved. */
  commit(request: CommitRequest): Promise<CommitResult | Stale | Refused>;
  /** Points the stable branch at one commit on top of the base and opens (or updates) its pull request. */
  openOrUpdatePullRequest(request: PullRequestRequest): Promise<PullRequestResult | Stale | Refused>;
}

/** Everything the promotion jobs reach outside themselves. */
export interface PromotePorts {
  ops: OpsRepository;
  /** The model repository's registry tags (the version and its record come from here). */
  registry: RegistryTagReader;
}
