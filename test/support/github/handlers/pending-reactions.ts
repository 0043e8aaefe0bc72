/**
 * GitHub adds a person's reaction of one kind to one subject once: a second request — even one racing
 * the first — answers 200 with the first's reaction. Here the first request's reaction is stored only
 * when its `commit()` runs, after its response passed the schema and its turn in the repository's
 * webhook queue came, so a racing second request would not see it yet and answer 201 too (two 👀,
 * two "first" handlers of one comment). The check and the reservation therefore happen in one
 * synchronous step, before any await: a reaction being created counts as existing.
 */
const pendingByRepo = new WeakMap<object, Map<string, Record<string, unknown>>>();

export interface ReactionClaim {
  /** The reaction being created by an earlier request, when there is one. */
  pending?: Record<string, unknown>;
  /** Marks `reaction` as being created; call `settle` when it is stored or abandoned. */
  reserve(reaction: Record<string, unknown>): () => void;
}

export function claimReaction(repo: object, subject: string, login: string, content: string): ReactionClaim {
  let pending = pendingByRepo.get(repo);
  if (!pending) pendingByRepo.set(repo, (pending = new Map()));
  const key = `${subject}\u0000${login}\u0000${content}`;
  const map = pending;
  return {
    ...(map.has(key) ? { pending: map.get(key)! } : {}),
    reserve(reaction) {
      map.set(key, reaction);
      return () => void (map.get(key) === reaction && map.delete(key));
    },
  };
}
