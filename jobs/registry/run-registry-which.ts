import type { RegistryWhichOutcome } from '../../core/report/registry/registry-outcomes.js';
import { modelOf, readRegistryState } from './read-model-state.js';
import type { RegistryQueryPorts } from './registry-ports.js';

/** `modelship registry which NAME STAGE`: the version in a stage, or none. */
export async function runRegistryWhich(
  settings: { model: string; stage: string },
  ports: RegistryQueryPorts,
): Promise<RegistryWhichOutcome> {
  const state = await readRegistryState(ports.tags, settings.model);
  const model = modelOf(state, settings.model);
  const holder = model.stages[settings.stage];
  const version = holder && model.versions.find((v) => v.version === holder.version);
  return {
    model: model.name,
    stage: settings.stage,
    ...(holder ? { holder } : {}),
    ...(version ? { version } : {}),
    problems: state.problems,
  };
}
