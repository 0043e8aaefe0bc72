import type { Handler, HandlerContext } from '../context.js';
import { refId } from '../graphql/node-ids.js';
import { HttpError, unprocessable } from '../http-error.js';
import { now, repoJson, userJson } from '../representations.js';
import type { CommitStatus, Repo } from '../state.js';

/** GitHub keeps at most 1,000 statuses per commit and context; the next one is refused with 422. */
const STATUSES_PER_SHA_AND_CONTEXT = 1000;

function statusJson(ctx: HandlerContext, repo: Repo, sha: string, status: CommitStatus) {
  return {
    url: `${ctx.baseUrl}/repos/${repo.fullName}/statuses/${sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${status.creator.id}?v=4`,
    id: status.id,
    node_id: `SC_${status.id}`,
    state: status.state,
    description: status.description,
    target_url: status.target_url,
    context: status.context,
    created_at: status.created_at,
    updated_at: status.updated_at,
    creator: userJson(status.creator, ctx.baseUrl),
  };
}

/** A branch, tag or sha (full or abbreviated) to the commit it names, as GitHub's `{ref}` accepts. */
export async function commitForRef(repo: Repo, ref: string): Promise<string | undefined> {
  for (const candidate of [`refs/heads/${ref}`, `refs/tags/${ref}`, ref]) {
    const sha = await repo.git.resolveRef(candidate);
    if (sha && (await repo.git.typeOf(sha)) === 'commit') return sha;
  }
  return undefined;
}

/** The latest status of each context on a commit, newest first: what GitHub combines. */
export function latestStatusPerContext(repo: Repo, sha: string): CommitStatus[] {
  const latest = new Map<string, CommitStatus>();
  for (const status of repo.commitStatuses.get(sha) ?? []) latest.set(status.context, status);
  return [...latest.values()].sort((a, b) => b.id - a.id);
}

/** GitHub's combined state: failure if any context errored or failed, pending if any is pending or none exist. */
export function combinedState(latest: CommitStatus[]): 'failure' | 'pending' | 'success' {
  if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

export const statusHandlers: Record<string, Handler> = {
  'repos/create-commit-status': async (ctx) => {
    const repo = ctx.repo();
    const sha = ctx.params.sha!;
    const body = ctx.body as {
      state: CommitStatus['state'];
      target_url?: string | null;
      description?: string | null;
      context?: string;
    };
    // Only a full commit sha is accepted here (GitHub does not resolve branch names on this route).
    if (!/^[0-9a-f]{40}$/.test(sha) || (await repo.git.typeOf(sha)) !== 'commit')
      throw unprocessable(`No commit found for SHA: ${sha}`);
    const context = body.context ?? 'default';
    const existing = repo.commitStatuses.get(sha) ?? [];
    if (existing.filter((s) => s.context === context).length >= STATUSES_PER_SHA_AND_CONTEXT) {
      throw unprocessable('Validation Failed', [
        {
          resource: 'Status',
          code: 'custom',
          message: 'This SHA and context has reached the maximum number of statuses.',
        },
      ]);
    }
    const at = now();
    const status: CommitStatus = {
      id: ctx.state.id(),
      state: body.state,
      context,
      description: body.description ?? null,
      target_url: body.target_url ?? null,
      creator: ctx.token!.actor,
      created_at: at,
      updated_at: at,
    };
    return {
      status: 201,
      body: statusJson(ctx, repo, sha, status),
      headers: { location: `${ctx.baseUrl}/repos/${repo.fullName}/statuses/${sha}` },
      commit: () => {
        repo.commitStatuses.set(sha, [...(repo.commitStatuses.get(sha) ?? []), status]);
      },
    };
  },

  // Every status of the commit, newest first; an unknown ref is an empty list, as on GitHub.
  'repos/list-commit-statuses-for-ref': async (ctx) => {
    const repo = ctx.repo();
    const sha = await commitForRef(repo, ctx.params.ref!);
    const all = sha ? [...(repo.commitStatuses.get(sha) ?? [])].reverse() : [];
    return { status: 200, list: all.map((s) => statusJson(ctx, repo, sha!, s)) };
  },

  'repos/get-combined-status-for-ref': async (ctx) => {
    const repo = ctx.repo();
    const ref = ctx.params.ref!;
    const sha = await commitForRef(repo, ref);
    if (!sha) throw new HttpError(404, `No commit found for SHA: ${ref}`);
    const latest = latestStatusPerContext(repo, sha);
    return {
      status: 200,
      list: latest.map((s) => {
        const { creator: _creator, ...simple } = statusJson(ctx, repo, sha, s);
        return simple;
      }),
      wrap: (page, total) => ({
        state: combinedState(latest),
        statuses: page,
        sha,
        total_count: total,
        repository: repoJson(repo, ctx.baseUrl),
        commit_url: `${ctx.baseUrl}/repos/${repo.fullName}/commits/${sha}`,
        url: `${ctx.baseUrl}/repos/${repo.fullName}/commits/${sha}/status`,
      }),
    };
  },

  // GitHub lists tags by name, in reverse order (not by date): `v1.10` before `v1.9` only by luck of the name.
  'repos/list-tags': async (ctx) => {
    const repo = ctx.repo();
    const refs = await repo.git.refs('refs/tags/');
    const tags = await Promise.all(
      refs.map(async ({ ref, sha }) => {
        const name = ref.slice('refs/tags/'.length);
        const commit = (await repo.git.resolveRef(sha)) ?? sha;
        const path = encodeURIComponent(name);
        return {
          name,
          node_id: refId(repo, ref),
          commit: { sha: commit, url: `${ctx.baseUrl}/repos/${repo.fullName}/commits/${commit}` },
          zipball_url: `${ctx.baseUrl}/repos/${repo.fullName}/zipball/refs/tags/${path}`,
          tarball_url: `${ctx.baseUrl}/repos/${repo.fullName}/tarball/refs/tags/${path}`,
        };
      }),
    );
    tags.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    return { status: 200, list: tags };
  },
};
