import { randomBytes } from 'node:crypto';
import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
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
  members: 'read',
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

const LEVELS = ['read', 'write', 'admin'];

/** A token may ask for less than the installation has, never more (GitHub: 422). */
function narrowPermissions(granted: Record<string, string>, requested: Record<string, string> | undefined) {
  if (!requested) return { ...granted };
  for (const [name, level] of Object.entries(requested)) {
    const has = granted[name];
    if (!has || LEVELS.indexOf(level) > LEVELS.indexOf(has))
      throw unprocessable('The permissions requested are not granted to this installation.');
  }
  return { ...requested };
}

function narrowRepositories(
  ctx: HandlerContext,
  installed: Set<string>,
  names: string[] | undefined,
  ids: number[] | undefined,
): Set<string> {
  if (!names && !ids) return new Set(installed);
  const wanted = new Set<string>();
  for (const name of names ?? []) {
    const full = [...installed].find((r) => r.split('/')[1] === name.toLowerCase());
    if (!full)
      throw unprocessable(
        'There is at least one repository that does not exist or is not accessible to the parent installation.',
      );
    wanted.add(full);
  }
  for (const id of ids ?? []) {
    const full = [...installed].find((r) => ctx.state.repos.get(r)?.id === id);
    if (!full)
      throw unprocessable(
        'There is at least one repository that does not exist or is not accessible to the parent installation.',
      );
    wanted.add(full);
  }
  return wanted;
}

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
    const body = (ctx.body ?? {}) as {
      repositories?: string[];
      repository_ids?: number[];
      permissions?: Record<string, string>;
    };
    const repos = narrowRepositories(ctx, installation.repos, body.repositories, body.repository_ids);
    const permissions = narrowPermissions(installation.permissions, body.permissions);
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions,
        repository_selection: 'selected',
      },
      commit: () => {
        ctx.state.tokens.set(token, {
          actor: ctx.state.user('modelship[bot]', 'Bot'),
          repos,
          installationId: installation.id,
          permissions,
          expiresAt,
        });
      },
    };
  },
};
