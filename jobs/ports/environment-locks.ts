/**
 * Locks on deployment environments, held in the model repository (see
 * platform/github/environment-locks.ts). One lock per environment; a sticky one (`/lock`) stays
 * until released, a write lock is what a promotion holds while it writes.
 */
export interface LockOwner {
  login: string;
  pullRequest?: number;
}

export interface EnvironmentLock {
  environment: string;
  owner: LockOwner;
  reason: string;
  sticky: boolean;
  claimId: string;
  /** ISO 8601, second precision. */
  createdAt: string;
  /** Write locks: when another claim may take it over. */
  expiresAt?: string;
  /** The comment that took it. */
  link?: string;
  /** The lock's commit: what a release compares before deleting. */
  sha: string;
}

export interface LockClaim {
  environment: string;
  owner: LockOwner;
  reason: string;
  sticky: boolean;
  /**
   * Names this claim across retries and replicas (e.g. `comment-123456:production:write`, from
   * `lockClaimId`): the same claim made twice finds its own lock.
   */
  claimId: string;
  /** ISO 8601: the claim's time (the comment's creation time), fixed across retries. */
  at: string;
  link?: string;
}

export type ClaimResult =
  /** The lock is ours now: release it when done (a sticky one: when told to). */
  | { status: 'claimed'; lock: EnvironmentLock }
  /**
   * Ours already: this very claim (a retry, `sameClaim`: release it when done), or a sticky lock of
   * the same owner (go ahead, but leave it in place).
   */
  | { status: 'held-by-us'; lock: EnvironmentLock; sameClaim: boolean }
  /** Someone else's lock, or another write of the same owner still in progress. */
  | { status: 'held-by-other'; lock: EnvironmentLock }
  /** A ref that holds no readable lock: it blocks until cleared (`/unlock ENV --force`). */
  | { status: 'unreadable'; environment: string; sha: string; detail: string };

export type LockState =
  | { state: 'free'; environment: string }
  | { state: 'locked'; lock: EnvironmentLock }
  | { state: 'unreadable'; environment: string; sha: string; detail: string };

/** Which lock a release may remove; anything else is left in place. */
export type ReleaseSelector =
  /** The lock this claim returned (or the same claim, taken over by it). */
  | { lock: Pick<EnvironmentLock, 'sha' | 'claimId'> }
  /**
   * The write lock this very run claimed moments ago (`status: 'claimed'`): while it has not expired
   * nobody can have taken it over, so it is deleted without being read first (one API call, not two).
   */
  | { claimed: Pick<EnvironmentLock, 'sha' | 'claimId' | 'expiresAt'> }
  /** Any lock of this login (`/unlock` by its owner). */
  | { owner: string }
  /** Any lock taken in this pull request (it was merged or closed). */
  | { pullRequest: number }
  /** Whatever is there, unreadable included (`/unlock ENV --force`). */
  | { force: true };

export type ReleaseResult =
  | { released: true; lock?: EnvironmentLock }
  | { released: false; why: 'not-locked' }
  | { released: false; why: 'not-ours'; lock?: EnvironmentLock };

export interface EnvironmentLocks {
  claim(claim: LockClaim): Promise<ClaimResult>;
  /**
   * `withNextWrite`: the release may travel with the command's next write (still ahead of it) rather
   * than be a call of its own — never later than the command's last write, the reply.
   */
  release(
    environment: string,
    selector: ReleaseSelector,
    options?: { withNextWrite?: boolean },
  ): Promise<ReleaseResult>;
  read(environment: string): Promise<LockState>;
  /** Every environment's lock (for /status and for releasing a closed pull request's locks). */
  list(): Promise<LockState[]>;
}
