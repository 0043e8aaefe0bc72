import type { HandlerContext, HandlerResult } from '../context.js';
import type { WebhookDeliveries } from './deliveries.js';
import { repoEvents } from './events.js';
import { snapshot, type RepoSnapshot } from './snapshot.js';

/**
 * The server's one hook for webhooks: runs a handler and wraps its `commit()` so that, once the
 * change is applied, the events it caused are delivered to every installation of the app on that
 * repository — after the response went out, never delaying it. A request that fails (4xx, a schema
 * violation, a compare-and-swap lost in commit) changed nothing and emits nothing.
 */
export async function observe(
  ctx: HandlerContext,
  deliveries: WebhookDeliveries,
  handler: () => HandlerResult | Promise<HandlerResult>,
): Promise<HandlerResult> {
  const { owner, repo: name } = ctx.params;
  const repo =
    owner && name && ctx.operation.method.toLowerCase() !== 'get' ? ctx.state.repo(owner, name) : undefined;
  const installations = repo
    ? [...ctx.state.installations.values()].filter((i) => i.repos.has(repo.fullName.toLowerCase()))
    : [];
  if (!repo || !ctx.token || installations.length === 0 || !deliveries.wanted()) return handler();
  const sender = ctx.token.actor;
  // Handlers not yet converted to commit() change state while they run: snapshot before them too.
  let before: RepoSnapshot = await snapshot(repo);
  const result = await handler();
  const original = result.commit;
  return {
    ...result,
    commit: async () => {
      if (original) {
        before = await snapshot(repo);
        await original();
      }
      // Read inside commit, before a later request can change the repository again; the in-memory
      // part at once (the ref listing awaits git).
      const after = await snapshot(repo);
      const emitted = (async () => {
        await new Promise((ok) => setImmediate(ok)); // after the response is sent
        const events = await repoEvents(repo, before, after, sender, ctx.baseUrl);
        if (events.length === 0) return;
        await Promise.all(installations.map((i) => deliveries.deliver(events, i.id, repo.id)));
      })();
      void deliveries.track(emitted).catch((error: unknown) => {
        deliveries.problems.push(
          `${ctx.operation.operationId}: building its webhooks failed: ${String(error)}`,
        );
      });
    },
  };
}
