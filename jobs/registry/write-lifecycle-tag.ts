import type { LifecycleOutcome } from '../../core/report/registry/registry-outcomes.js';
import type { RegistryState } from '../../core/registry/registry-types.js';
import type { NewRegistryTag } from '../ports/registry-tags.js';
import { readRegistryState } from './read-model-state.js';
import type { RegistryWritePorts } from './registry-ports.js';

/** A decision over the current state: write this tag, or nothing (with the outcome to report). */
export type LifecyclePlan =
  { write: Omit<NewRegistryTag, 'tagger'>; outcome: LifecycleOutcome } | { noop: LifecycleOutcome };

/** Lost races on a stage counter before giving up; each loss means another writer made progress. */
const ATTEMPTS = 5;

/**
 * Reads the state, decides, writes one tag — and when another writer took the tag's name first
 * (ref creation is the atomic claim), reads again and decides again: the other write may already
 * be this very request (a retry), making this one a no-op, or may have used the counter, so the
 * next one is taken. Never two tags for one request, never a counter used twice.
 */
export async function writeLifecycleTag(
  ports: RegistryWritePorts,
  model: string,
  decide: (state: RegistryState) => LifecyclePlan,
  tagger?: NewRegistryTag['tagger'],
): Promise<LifecycleOutcome> {
  let lastLost = '';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = decide(await readRegistryState(ports.tags, model));
    if ('noop' in plan) return plan.noop;
    const result = await ports.writer.createTag({ ...plan.write, ...(tagger ? { tagger } : {}) });
    if (result.created) return plan.outcome;
    lastLost = plan.write.name;
  }
  throw new Error(
    `another writer took the tag name ${ATTEMPTS} times in a row (last ${lastLost}); nothing was written by this run — run it again`,
  );
}

/** GTO's first line, then who asked and why, as trailers an auditor can read with `git tag -n`. */
export function lifecycleMessage(headline: string, who?: { by?: string; reason?: string }): string {
  const trailers = [
    ...(who?.by ? [`Requested-by: ${who.by}`] : []),
    ...(who?.reason ? [`Reason: ${who.reason.replace(/\s+/g, ' ').trim()}`] : []),
  ];
  return trailers.length > 0 ? `${headline}\n\n${trailers.join('\n')}\n` : `${headline}\n`;
}
