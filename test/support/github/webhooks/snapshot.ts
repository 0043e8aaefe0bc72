import type { Repo } from '../state.js';

type Stored = Record<string, unknown>;

/**
 * What a repository looked like at one moment, as far as webhooks care: events are the difference
 * between the snapshot before a request's `commit()` and the one after, whichever handler made it.
 * Stored objects are edited in place by handlers, so each is copied (one level is enough: the
 * fields compared are scalars).
 */
export interface RepoSnapshot {
  /** ref → sha (the tag object's sha for annotated tags). */
  refs: Map<string, string>;
  comments: Map<number, Stored>;
  pulls: Map<number, Stored>;
  /** Issues, once the stand-in stores them (`repo.issues`); pull requests are in `pulls`. */
  issues: Map<number, Stored>;
  deployments: Set<number>;
  /** deployment id → number of statuses. */
  statuses: Map<number, number>;
  /** check run id → status. */
  checkRuns: Map<number, unknown>;
}

/** Issues the stand-in may keep on the repository (the issues endpoints are added separately). */
export function storedIssues(repo: Repo): Map<number, Stored> | undefined {
  const issues = (repo as Repo & { issues?: unknown }).issues;
  return issues instanceof Map ? (issues as unknown as Map<number, Stored>) : undefined;
}

const copy = <K>(map: Map<K, Stored>) => new Map([...map].map(([k, v]) => [k, { ...v }]));

/** The in-memory part, taken synchronously so no other request's change slips in between. */
export function memorySnapshot(repo: Repo): Omit<RepoSnapshot, 'refs'> {
  return {
    comments: copy(repo.comments),
    pulls: copy(repo.pulls),
    issues: copy(storedIssues(repo) ?? new Map()),
    deployments: new Set(repo.deployments.keys()),
    statuses: new Map([...repo.deploymentStatuses].map(([id, list]) => [id, list.length])),
    checkRuns: new Map([...repo.checkRuns].map(([id, run]) => [id, run.status])),
  };
}

export async function snapshot(repo: Repo): Promise<RepoSnapshot> {
  const memory = memorySnapshot(repo);
  return { ...memory, refs: await repo.git.refShas() };
}
