import type { Handler, HandlerContext } from '../context.js';
import { notFound, unprocessable } from '../http-error.js';
import { now, userJson } from '../representations.js';

function deployment(ctx: HandlerContext) {
  const found = ctx.repo().deployments.get(Number(ctx.params.deployment_id));
  if (!found) throw notFound();
  return found;
}

export const deploymentHandlers: Record<string, Handler> = {
  'repos/create-deployment': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as Record<string, unknown> & { ref: string };
    const sha =
      (await repo.git.resolveRef(body.ref)) ??
      (await repo.git.resolveRef(`refs/heads/${body.ref}`)) ??
      (await repo.git.resolveRef(`refs/tags/${body.ref}`));
    if (!sha) throw unprocessable(`No ref found for: ${body.ref}`);
    const id = ctx.state.id();
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
      environment: (body.environment as string | undefined) ?? 'production',
      description: (body.description as string | undefined) ?? null,
      creator: userJson(ctx.token!.actor, ctx.baseUrl),
      created_at: now(),
      updated_at: now(),
      transient_environment: (body.transient_environment as boolean | undefined) ?? false,
      production_environment:
        (body.production_environment as boolean | undefined) ?? body.environment === 'production',
    };
    repo.deployments.set(id, value);
    return { status: 201, body: value };
  },

  'repos/list-deployments': async (ctx) => {
    const environment = ctx.query.get('environment');
    const sha = ctx.query.get('sha');
    return {
      status: 200,
      list: [...ctx.repo().deployments.values()]
        .filter((d) => (!environment || d.environment === environment) && (!sha || d.sha === sha))
        .reverse(),
    };
  },

  'repos/get-deployment': async (ctx) => ({ status: 200, body: deployment(ctx) }),

  'repos/create-deployment-status': async (ctx) => {
    const value = deployment(ctx);
    const body = ctx.body as Record<string, unknown> & { state: string };
    const id = ctx.state.id();
    const status = {
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
    const list = ctx.repo().deploymentStatuses.get(id) ?? [];
    const all = ctx.repo().deploymentStatuses.get(value.id as number) ?? list;
    all.push(status);
    ctx.repo().deploymentStatuses.set(value.id as number, all);
    return { status: 201, body: status };
  },

  'repos/list-deployment-statuses': async (ctx) => ({
    status: 200,
    list: [...(ctx.repo().deploymentStatuses.get(deployment(ctx).id as number) ?? [])].reverse(),
  }),
};
