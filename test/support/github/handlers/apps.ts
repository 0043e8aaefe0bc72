import { randomBytes } from 'node:crypto';
import type { Handler } from '../context.js';
import { HttpError, notFound } from '../http-error.js';
import { userJson } from '../representations.js';

/** What the app asks for when installed (an installation may have been granted less). */
const APP_PERMISSIONS = {
  contents: 'write',
  checks: 'write',
  statuses: 'write',
  issues: 'write',
  pull_requests: 'write',
  deployments: 'write',
  actions: 'write',
  metadata: 'read',
};
const APP_EVENTS = [
  'check_run',
  'deployment',
  'deployment_status',
  'issue_comment',
  'pull_request',
  'push',
  'release',
];
const APP_CREATED_AT = '2026-01-05T09:00:00Z';

/** Installation access tokens: asked for with the app's JWT (checked by the server), valid for an hour. */
export const appHandlers: Record<string, Handler> = {
  // `GET /app`: the app behind the JWT (or behind an installation token); a user's token is no app.
  'apps/get-authenticated': async (ctx) => {
    if (ctx.token?.installationId === undefined)
      throw new HttpError(401, 'A JSON web token could not be decoded');
    const { app } = ctx.state;
    const owner = ctx.state.user(app.owner);
    return {
      status: 200,
      body: {
        id: app.id,
        slug: app.slug,
        node_id: `A_${app.id}`,
        client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
        owner: userJson(owner, ctx.baseUrl),
        name: app.name,
        description:
          'GitHub-native MLOps: data validation, drift, evaluation, gates, registry and promotion.',
        external_url: `https://github.com/${app.owner}`,
        html_url: `https://github.com/apps/${app.slug}`,
        created_at: APP_CREATED_AT,
        updated_at: APP_CREATED_AT,
        permissions: APP_PERMISSIONS,
        events: APP_EVENTS,
        installations_count: ctx.state.installations.size,
      },
    };
  },

  'apps/create-installation-access-token': async (ctx) => {
    const installation = ctx.state.installations.get(Number(ctx.params.installation_id));
    if (!installation) throw notFound();
    if (ctx.token?.installationId !== -1) throw new HttpError(401, 'A JSON web token could not be decoded');
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    const expiresAt = Date.now() + 3600_000;
    const requested = (ctx.body as { repositories?: string[] } | undefined)?.repositories;
    const repos = new Set(
      [...installation.repos].filter((full) => !requested || requested.includes(full.split('/')[1]!)),
    );
    ctx.state.tokens.set(token, {
      actor: ctx.state.user('modelship[bot]', 'Bot'),
      repos,
      installationId: installation.id,
      expiresAt,
    });
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions: installation.permissions,
        repository_selection: 'selected',
      },
    };
  },
};
