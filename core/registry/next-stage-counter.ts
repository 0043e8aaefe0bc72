import type { RegistryState } from './registry-types.js';
import { parseRegistryTagName } from './tag-grammar.js';

/**
 * The `#N` of the model's next assign/unassign tag: the highest counter over all of the model's tags
 * (lightweight and `@created` ones too, as GTO's name_tag counts every tag) + 1.
 */
export function nextStageCounter(state: RegistryState, model: string): number {
  const last = state.lastCounters?.get(model);
  if (last !== undefined) return last + 1;
  // A state not made by buildRegistryState: the counters of its events' tags.
  let highest = 0;
  for (const e of state.models.get(model)?.events ?? []) {
    const counter = parseRegistryTagName(e.tag)?.counter;
    if (counter !== undefined && counter > highest) highest = counter;
  }
  return highest + 1;
}
