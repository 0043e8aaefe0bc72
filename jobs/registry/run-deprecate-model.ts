import { assertModelName, formatRegistryTag } from '../../core/registry/tag-grammar.js';
import type { LifecycleRequest } from './lifecycle-settings.js';
import { modelOf } from './read-model-state.js';
import type { RegistryWritePorts } from './registry-ports.js';
import type { LifecycleOutcome } from '../../core/report/registry/registry-outcomes.js';
import { lifecycleMessage, writeLifecycleTag } from './write-lifecycle-tag.js';

export interface DeprecateModelSettings extends LifecycleRequest {
  model: string;
}

/**
 * Deprecates a model with GTO's tag `name@deprecated`, on the commit of its newest event (a commit
 * the registry already points to, online and offline alike). A second run is a no-op.
 */
export async function deprecateModel(
  settings: DeprecateModelSettings,
  ports: RegistryWritePorts,
): Promise<LifecycleOutcome> {
  const name = settings.model;
  assertModelName(name, 'model');
  return writeLifecycleTag(
    ports,
    name,
    (state) => {
      const model = modelOf(state, name);
      const tag = formatRegistryTag({ model: name, action: 'deprecate' });
      const base = { model: name, action: 'deprecate' as const, tag };
      if (model.deprecated)
        return {
          noop: { ...base, changed: false, summary: `${name} is already deprecated; nothing written` },
        };
      const newest = model.events.at(-1) ?? model.versions[0];
      if (!newest) throw new Error(`${name} has no tag to deprecate at`);
      return {
        write: {
          name: tag,
          commit: newest.commit,
          message: lifecycleMessage(`Deprecating artifact ${name}`, settings),
        },
        outcome: { ...base, changed: true, summary: `deprecated ${name} (${tag})` },
      };
    },
    settings.tagger,
  );
}
