import type { Handler, HandlerContext } from '../context.js';
import { GitCommandError } from '../git-repo.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import { now, userJson } from '../representations.js';
import type { Repo } from '../state.js';

function deployment(ctx: HandlerContext) {
  const found = ctx.repo().deployments.get(Number(ctx.params.deployment_id));
  if (!found) throw notFound();
  return found;
}

/**
 * The state of every context on `sha`: commit statuses (latest per context) and check runs (latest
 * per name; completed with success, neutral or skipped passes), as GitHub weighs them for deployments.
 */
function contextStates(repo: Repo, sha: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const status of repo.commitStatuses.get(sha) ?? []) states.set(status.context, status.state);
  const runs = [...repo.checkRuns.values()]
    .filter((run) => run.head_sha === sha)
    .sort((a, b) => Number(a.id) - Number(b.id));
  for (const run of runs) {
    const passed = ['success', 'neutral', 'skipped'].includes(String(run.conclusion));
    states.set(String(run.name), run.status !== 'completed' ? 'pending' : passed ? 'success' : 'failure');
  }
  return states;
}

/** The latest status of a deployment (its state), or undefined before any. */
const latestState = (repo: Repo, id: number) =>
  repo.deploymentStatuses.get(id)?.at(-1)?.state as string | undefined;

/** A status in GitHub's shape, for deployment `value`. */
function statusJson(ctx: HandlerContext, value: Record<string, unknown>, body: Record<string, unknown>) {
  const id = ctx.state.id();
  return {
    id,
    node_id: `DES_${id}`,
    url: `${value.statuses_url as string}/${id}`,
    state: body.state,
    description: (body.description as string | undefined) ?? '',
    environment: (body.environment as string | undefined) ?? value.environment,
    // GitHub answers "" for unset URLs, which its own schema (format: uri) rejects; omit them instead.
    ...(body.target_url ? { target_url: body.target_url } : {}),
    ...(body.log_url ? { log_url: body.log_url } : {}),
    ...(body.environment_url ? { environment_url: body.environment_url } : {}),
    deployment_url: value.url,
    repository_url: value.repository_url,
    creator: userJson(ctx.token!.actor, ctx.baseUrl),
    created_at: now(),
    updated_at: now(),
  };
}

export const deploymentHandlers: Record<string, Handler> = {
  'repos/create-deployment': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as Record<string, unknown> & {
      ref: string;
      auto_merge?: boolean;
      required_contexts?: string[];
    };
    const branch = await repo.git.refSha(`refs/heads/${body.ref}`);
    const sha =
      (branch ? await repo.git.resolveRef(`refs/heads/${body.ref}`) : undefined) ??
      (await repo.git.resolveRef(`refs/tags/${body.ref}`)) ??
      (/^[0-9a-f]{4,40}$/i.test(body.ref) || body.ref.startsWith('refs/')
        ? await repo.git.resolveRef(body.ref)
        : undefined);
    if (!sha) throw unprocessable(`No ref found for: ${body.ref}`);

    // auto_merge (default true): a branch behind the default branch gets it merged in first, and
    // GitHub answers 202 without a deployment; the caller deploys again once checks ran on the merge.
    const defaultSha = await repo.git.refSha(`refs/heads/${repo.defaultBranch}`);
    if (
      (body.auto_merge ?? true) &&
      branch &&
      body.ref !== repo.defaultBranch &&
      defaultSha &&
      !(await repo.git.isAncestor(defaultSha, branch))
    ) {
      const merged = await repo.git.mergeTree(branch, defaultSha);
      if (merged.conflicts.length > 0)
        throw new HttpError(409, `Conflict merging ${repo.defaultBranch} into ${body.ref}.`);
      const message = `Auto-merged ${repo.defaultBranch} into ${body.ref} on deployment.`;
      const commit = await repo.git.commit(merged.tree, [branch, defaultSha], message);
      return {
        status: 202,
        body: { message },
        commit: async () => {
          try {
            await repo.git.updateRef(`refs/heads/${body.ref}`, commit, branch);
          } catch (error) {
            if (error instanceof GitCommandError)
              throw new HttpError(409, `Conflict merging ${repo.defaultBranch} into ${body.ref}.`);
            throw error;
          }
        },
      };
    }

    // required_contexts: by default every context reported on the commit must pass; [] skips the check.
    const states = contextStates(repo, sha);
    const required = body.required_contexts ?? [...states.keys()];
    const failing = required
      .map((context) => ({ context, state: states.get(context) ?? 'missing' }))
      .filter((c) => c.state !== 'success');
    if (failing.length > 0)
      throw new HttpError(409, `Conflict: Commit status checks failed for ${body.ref}.`, [
        {
          contexts: required.map((context) => ({ context, state: states.get(context) ?? 'missing' })),
          resource: 'Deployment',
          field: 'required_contexts',
          code: 'invalid',
        },
      ]);

    const id = ctx.state.id();
    const environment = (body.environment as string | undefined) ?? 'production';
    const value = {
      id,
      node_id: `DE_${id}`,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/deployments/${id}`,
      statuses_url: `${ctx.baseUrl}/repos/${repo.fullName}/deployments/${id}/statuses`,
      repository_url: `${ctx.baseUrl}/repos/${repo.fullName}`,
      sha,
      ref: body.ref,
      task: (body.task as string | undefined) ?? 'deploy',
      payload: body.payload ?? {},
      environment,
      description: (body.description as string | undefined) ?? null,
      creator: userJson(ctx.token!.actor, ctx.baseUrl),
      created_at: now(),
      updated_at: now(),
      transient_environment: (body.transient_environment as boolean | undefined) ?? false,
      production_environment:
        (body.production_environment as boolean | undefined) ?? environment === 'production',
    };
    return { status: 201, body: value, commit: () => void repo.deployments.set(id, value) };
  },

  'repos/list-deployments': async (ctx) => {
    const environment = ctx.query.get('environment');
    const sha = ctx.query.get('sha');
    const ref = ctx.query.get('ref');
    const task = ctx.query.get('task');
    return {
      status: 200,
      list: [...ctx.repo().deployments.values()]
        .filter(
          (d) =>
            (!environment || d.environment === environment) &&
            (!sha || d.sha === sha) &&
            (!ref || d.ref === ref) &&
            (!task || d.task === task),
        )
        .reverse(),
    };
  },

  'repos/get-deployment': async (ctx) => ({ status: 200, body: deployment(ctx) }),

  'repos/delete-deployment': async (ctx) => {
    const repo = ctx.repo();
    const value = deployment(ctx);
    const id = value.id as number;
    // GitHub deletes only inactive deployments, unless it is the repository's only one.
    if (repo.deployments.size > 1 && latestState(repo, id) !== 'inactive')
      throw unprocessable(
        'We cannot delete an active deployment unless it is the only deployment in a given environment.',
      );
    return {
      status: 204,
      commit: () => {
        repo.deployments.delete(id);
        repo.deploymentStatuses.delete(id);
      },
    };
  },

  'repos/create-deployment-status': async (ctx) => {
    const repo = ctx.repo();
    const value = deployment(ctx);
    const body = ctx.body as Record<string, unknown> & { state: string; auto_inactive?: boolean };
    const status = statusJson(ctx, value, body);
    // auto_inactive (default true): a success marks the earlier non-transient, non-production
    // deployments of the same environment that had succeeded `inactive` (GitHub's documented rule).
    const superseded =
      body.state === 'success' && (body.auto_inactive ?? true)
        ? [...repo.deployments.values()].filter(
            (d) =>
              (d.id as number) < (value.id as number) &&
              d.environment === status.environment &&
              !d.transient_environment &&
              !d.production_environment &&
              latestState(repo, d.id as number) === 'success',
          )
        : [];
    const inactive = superseded.map(
      (d) => [d.id as number, statusJson(ctx, d, { state: 'inactive' })] as const,
    );
    return {
      status: 201,
      body: status,
      commit: () => {
        const add = (id: number, s: Record<string, unknown>) =>
          repo.deploymentStatuses.set(id, [...(repo.deploymentStatuses.get(id) ?? []), s]);
        add(value.id as number, status);
        for (const [id, s] of inactive) add(id, s);
      },
    };
  },

  'repos/list-deployment-statuses': async (ctx) => ({
    status: 200,
    list: [...(ctx.repo().deploymentStatuses.get(deployment(ctx).id as number) ?? [])].reverse(),
  }),

  'repos/get-deployment-status': async (ctx) => {
    const statuses = ctx.repo().deploymentStatuses.get(deployment(ctx).id as number) ?? [];
    const found = statuses.find((s) => s.id === Number(ctx.params.status_id));
    if (!found) throw notFound();
    return { status: 200, body: found };
  },
};
