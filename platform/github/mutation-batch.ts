import type { GitHubClient } from './client.js';
import { mayHaveHappened } from './create-once.js';

/** One GraphQL mutation field, written with its input as `$input`. */
export interface Mutation {
  /** e.g. `deleteRef(input: $input) { clientMutationId }` */
  field: string;
  /** The input's GraphQL type, e.g. `DeleteRefInput!`. */
  inputType: string;
  input: Record<string, unknown>;
  /** createDeploymentStatus is still behind GitHub's `flash` preview: the request must ask for it. */
  preview?: 'flash';
  /** Sending it twice does no harm, so the request carrying it may be retried as a whole. */
  idempotent: boolean;
  /**
   * The same effect by REST, for a mutation queued by `defer` that failed or may not have happened:
   * run after the request, so nothing queued is ever lost.
   */
  fallback?: () => Promise<unknown>;
}

export type MutationResult =
  | { ok: true; data: unknown }
  /** `maybe`: no answer (a reset, a 5xx): GitHub may have done it. */
  | { ok: false; error: unknown; maybe: boolean };

/**
 * The mutations of one command, sent together: GitHub runs a request's mutations one after the other,
 * in the order written, and an error in one nulls that field while the others still run. A write the
 * command does not need an answer to right away (a deployment status, the release of its lock) is
 * queued with `defer` and travels at the head of the command's next mutation request — still ahead
 * of it, one call fewer. The command's last write (the reply) always sends what is queued.
 */
export interface MutationBatch {
  defer(mutation: Mutation): void;
  /** Whether anything waits to be sent. */
  readonly pending: number;
  /**
   * One request: the queued mutations first, then these. Returns these mutations' results in order;
   * the queued ones that did not succeed have their fallbacks run before it returns.
   */
  send(mutations: Mutation[]): Promise<MutationResult[]>;
}

interface GraphqlFailure {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; message?: string; type?: string }[];
  status?: number;
}

export function mutationBatch(octokit: Pick<GitHubClient, 'graphql'>): MutationBatch {
  let queued: Mutation[] = [];
  return {
    defer(mutation) {
      queued.push(mutation);
    },
    get pending() {
      return queued.length;
    },
    async send(mutations) {
      const deferred = queued;
      queued = [];
      const all = [...deferred, ...mutations];
      if (all.length === 0) return [];
      const results = await sendAll(octokit, all);
      for (const [i, mutation] of deferred.entries())
        if (!results[i]!.ok && mutation.fallback) await mutation.fallback().catch(() => {});
      return results.slice(deferred.length);
    },
  };
}

async function sendAll(octokit: Pick<GitHubClient, 'graphql'>, all: Mutation[]): Promise<MutationResult[]> {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields = all.map((m, i) => {
    variables[`i${i}`] = m.input;
    declarations.push(`$i${i}: ${m.inputType}`);
    return `m${i}: ${m.field.replace('$input', `$i${i}`)}`;
  });
  const query = `mutation(${declarations.join(', ')}) {\n  ${fields.join('\n  ')}\n}`;
  const idempotent = all.every((m) => m.idempotent);
  try {
    const data = await octokit.graphql<Record<string, unknown>>(query, {
      ...variables,
      ...(all.some((m) => m.preview === 'flash')
        ? { headers: { accept: 'application/vnd.github.flash-preview+json' } }
        : {}),
      // A request that creates something (a comment) is not repeated blindly: GitHub may have done it.
      ...(idempotent ? {} : { request: { retries: 0 } }),
    });
    return all.map((_, i) => ({ ok: true, data: data[`m${i}`] }));
  } catch (error) {
    const failure = error as GraphqlFailure;
    if (!failure.errors || failure.data === undefined)
      return all.map(() => ({ ok: false, error, maybe: mayHaveHappened(error) }));
    // Answered, with errors: the fields named in an error's path failed, the others were done.
    const failed = new Map<string, unknown>();
    for (const e of failure.errors) {
      const alias = e.path?.[0];
      if (typeof alias === 'string' && !failed.has(alias))
        failed.set(alias, Object.assign(new Error(e.message), e));
    }
    return all.map((_, i) => {
      const alias = `m${i}`;
      const own = failed.get(alias);
      if (own) return { ok: false, error: own, maybe: false };
      const value = failure.data?.[alias];
      // An error without a path (the whole document refused) fails every field.
      if (value === undefined || value === null) return { ok: false, error, maybe: false };
      return { ok: true, data: value };
    });
  }
}
