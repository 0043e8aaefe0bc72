import { resolveVersion } from '../../core/registry/resolve-version.js';
import type { ModelState } from '../../core/registry/registry-types.js';
import type { RegistryShowOutcome } from '../../core/report/registry/registry-outcomes.js';
import { modelOf, readRegistryState } from './read-model-state.js';
import type { RegistryQueryPorts } from './registry-ports.js';

export interface RegistryShowSettings {
  model: string;
  /** `v5`, `v5.1`, `v5.1.2`, `5.1.2`, `latest`, `#stage`; none: the model itself. */
  spec?: string;
}

/**
 * `modelship registry show NAME[@spec|#stage]`: one version (resolved as people write it, refusing
 * a deregistered or deprecated one with the reason), or the model's versions and stages.
 */
export async function runRegistryShow(
  settings: RegistryShowSettings,
  ports: RegistryQueryPorts,
): Promise<RegistryShowOutcome> {
  const state = await readRegistryState(ports.tags, settings.model);
  const model: ModelState = modelOf(state, settings.model);
  const problems = state.problems;
  if (settings.spec === undefined)
    return {
      kind: 'model',
      model: model.name,
      deprecated: model.deprecated,
      versions: model.versions,
      stages: model.stages,
      problems,
    };
  const version = resolveVersion(state, settings.model, settings.spec);
  return { kind: 'version', model: model.name, spec: settings.spec, version, problems };
}
