import { UserError } from '../../core/errors.js';
import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import type { ModelState, RegistryState } from '../../core/registry/registry-types.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';

/**
 * The registry state from one model's tags (one git process, or one API request per 100 tags).
 * `records: 'eager'` decodes every version record now, so unreadable ones are in `problems` (the
 * doctor); queries leave them to be decoded when read.
 */
export async function readRegistryState(
  tags: RegistryTagReader,
  model?: string,
  options: { records?: 'lazy' | 'eager' } = {},
): Promise<RegistryState> {
  return buildRegistryState(await tags.listTags(model === undefined ? {} : { model }), options);
}

/** One model's state; a model with no tags is a refusal naming the models that exist. */
export function modelOf(state: RegistryState, model: string): ModelState {
  const found = state.models.get(model);
  if (found) return found;
  throw new UserError(
    'not-found',
    `no model "${model}" in the registry: no tag ${model}@vX.Y.Z or ${model}#stage#N`,
  );
}
