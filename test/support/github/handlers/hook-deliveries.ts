import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound } from '../http-error.js';

/** The app's webhook deliveries (`/app/hook/deliveries`): only the app's JWT may read or redeliver them. */
function requireAppJwt(ctx: HandlerContext) {
  if (ctx.token?.installationId !== -1) throw new HttpError(401, 'A JSON web token could not be decoded');
}

function delivery(ctx: HandlerContext) {
  const found = ctx.webhooks.list.find((d) => d.id === Number(ctx.params.delivery_id));
  if (!found) throw notFound();
  return found;
}

export const hookDeliveryHandlers: Record<string, Handler> = {
  'apps/list-webhook-deliveries': (ctx) => {
    requireAppJwt(ctx);
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30)));
    const wanted = ctx.query.get('status');
    // Newest first; the cursor is the id to continue below, as opaque to clients as GitHub's.
    const cursor = ctx.query.get('cursor');
    const all = [...ctx.webhooks.list]
      .reverse()
      .filter((d) => !wanted || (wanted === 'success') === (d.status === 'OK'))
      .filter((d) => !cursor || d.id < Number(Buffer.from(cursor, 'base64url').toString()));
    const page = all.slice(0, perPage);
    const headers: Record<string, string> = {};
    if (all.length > perPage) {
      const next = new URLSearchParams(ctx.query);
      next.set('per_page', String(perPage));
      next.set('cursor', Buffer.from(String(page.at(-1)!.id)).toString('base64url'));
      headers.link = `<${ctx.baseUrl}/app/hook/deliveries?${next}>; rel="next"`;
    }
    return { status: 200, body: page.map((d) => ctx.webhooks.item(d)), headers };
  },

  'apps/get-webhook-delivery': (ctx) => {
    requireAppJwt(ctx);
    return { status: 200, body: ctx.webhooks.detail(delivery(ctx)) };
  },

  'apps/redeliver-webhook-delivery': (ctx) => {
    requireAppJwt(ctx);
    const found = delivery(ctx);
    // GitHub accepts the attempt and delivers it in the background.
    return {
      status: 202,
      body: {},
      commit: () => {
        void ctx.webhooks.redeliver(found.id);
      },
    };
  },
};
