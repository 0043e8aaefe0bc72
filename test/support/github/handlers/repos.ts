import type { Handler } from '../context.js';
import { notFound } from '../http-error.js';
import { repoJson, userJson } from '../representations.js';

export const repoHandlers: Record<string, Handler> = {
  'repos/get': async (ctx) => ({ status: 200, body: repoJson(ctx.repo(), ctx.baseUrl, ctx.token?.actor) }),

  'apps/get-repo-installation': async (ctx) => {
    const repo = ctx.repo();
    const installation = [...ctx.state.installations.values()].find((i) =>
      i.repos.has(repo.fullName.toLowerCase()),
    );
    if (!installation) throw notFound();
    return {
      status: 200,
      body: {
        id: installation.id,
        account: userJson(installation.account, ctx.baseUrl),
        repository_selection: 'selected',
        access_tokens_url: `${ctx.baseUrl}/app/installations/${installation.id}/access_tokens`,
        repositories_url: `${ctx.baseUrl}/installation/repositories`,
        html_url: `https://github.com/settings/installations/${installation.id}`,
        app_id: 1,
        target_id: installation.account.id,
        target_type: 'Organization',
        permissions: installation.permissions,
        events: [],
      },
    };
  },

  'repos/get-collaborator-permission-level': async (ctx) => {
    const repo = ctx.repo();
    const login = ctx.params.username!;
    const user = ctx.state.users.get(login);
    if (!user) throw notFound();
    const role = repo.collaborators.get(login) ?? (repo.private ? 'none' : 'read');
    // `permission` keeps GitHub's legacy names (maintain reads as write, triage as read); role_name is exact.
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return {
      status: 200,
      body: { permission, role_name: role, user: { ...userJson(user, ctx.baseUrl), permissions: {} } },
    };
  },

  'repos/create-dispatch-event': async (ctx) => {
    const body = ctx.body as { event_type: string; client_payload?: unknown };
    ctx.repo().dispatches.push({ event_type: body.event_type, client_payload: body.client_payload ?? {} });
    return { status: 204 };
  },

  // What the caller's own credential has left (asking does not count against it, as on GitHub).
  'rate-limit/get': async (ctx) => {
    const window = ctx.rateLimit();
    const core = { ...window, remaining: Math.max(0, window.limit - window.used) };
    return { status: 200, body: { resources: { core, search: core, graphql: core }, rate: core } };
  },
};
