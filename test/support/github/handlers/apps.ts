import { randomBytes } from 'node:crypto';
import type { Handler } from '../context.js';
import { HttpError, notFound } from '../http-error.js';

/** Installation access tokens: asked for with the app's JWT (checked by the server), valid for an hour. */
export const appHandlers: Record<string, Handler> = {
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
