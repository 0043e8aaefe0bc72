import type { HandlerContext, HandlerResult } from '../context.js';
import type { Repo } from '../state.js';
import type { WebhookDeliveries } from './deliveries.js';
import { repoEvents } from './events.js';
import { snapshot } from './snapshot.js';

/** The end of each repository's queue of observed commits. */
const queues = new WeakMap<Repo, Promise<unknown>>();

/**
 * Runs `work` once every observed commit queued before it on `repo` has finished. Snapshots are
 * only a change's own when nothing else changes the repository between them: two overlapping
 * commits would otherwise both see the other's new comment as theirs and send it twice. Other
 * repositories, and everything a request does before its commit (git objects, merges,
 * validation), still run side by side.
 */
function oneAtATime<T>(repo: Repo, work: () => Promise<T>): Promise<T> {
  const turn = (queues.get(repo) ?? Promise.resolve()).then(work);
  queues.set(
    repo,
    turn.catch(() => {}),
  );
  return turn;
}

/**
 * The server's one hook for webhooks: runs a handler and wraps its `commit()` so that, once the
 * change is applied, the events it caused are delivered to every installation of the app on that
 * repository — after the response went out, never delaying it. A request that fails (4xx, a schema
 * violation, a compare-and-swap lost in commit) changed nothing and emits nothing; neither does one
 * without a `commit()` (every state change webhooks report is made in one).
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
  const result = await handler();
  const original = result.commit;
  if (!repo || !ctx.token || installations.length === 0 || !original || !deliveries.wanted()) return result;
  const sender = ctx.token.actor;
  return {
    ...result,
    commit: async () => {
      // Before, the change, and after, with no other observed change on this repository in
      // between; the snapshots are read inside the turn, so a later request's change is not in them.
      const [before, after] = await oneAtATime(repo, async () => {
        const earlier = await snapshot(repo);
        await original();
        // The change is made: failing to look at it afterwards must not become a 500 that the
        // client retries (a second 👀, a second comment); the webhooks are lost and reported.
        const later = await snapshot(repo).catch((error: unknown) => {
          deliveries.problems.push(
            `${ctx.operation.operationId}: reading the repository after its change failed: ${String(error)}`,
          );
          return undefined;
        });
        return [earlier, later] as const;
      });
      if (!after) return;
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
