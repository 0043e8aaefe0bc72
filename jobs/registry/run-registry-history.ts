import type { RegistryHistoryOutcome } from '../../core/report/registry/registry-outcomes.js';
import { modelOf, readRegistryState } from './read-model-state.js';
import type { RegistryQueryPorts } from './registry-ports.js';

/** `modelship registry history NAME`: every event of the model — who registered, assigned, deprecated what, when. */
export async function runRegistryHistory(
  settings: { model: string },
  ports: RegistryQueryPorts,
): Promise<RegistryHistoryOutcome> {
  const state = await readRegistryState(ports.tags, settings.model);
  const model = modelOf(state, settings.model);
  return { model: model.name, events: [...model.events].reverse(), problems: state.problems };
}
