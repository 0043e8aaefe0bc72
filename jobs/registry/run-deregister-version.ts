import { assertModelName, formatRegistryTag } from '../../core/registry/tag-grammar.js';
import { findExactVersion } from './find-version.js';
import type { LifecycleRequest } from './lifecycle-settings.js';
import { modelOf } from './read-model-state.js';
import type { RegistryWritePorts } from './registry-ports.js';
import type { LifecycleOutcome } from '../../core/report/registry/registry-outcomes.js';
import { lifecycleMessage, writeLifecycleTag } from './write-lifecycle-tag.js';

export interface DeregisterVersionSettings extends LifecycleRequest {
  model: string;
  /** The exact version. */
  version: string;
}

/**
 * Deregisters a version with GTO's tag `name@vX.Y.Z!` on its commit: `latest` and version ranges
 * skip it from then on, and resolving it is refused with the reason. A second run is a no-op.
 */
export async function deregisterVersion(
  settings: DeregisterVersionSettings,
  ports: RegistryWritePorts,
): Promise<LifecycleOutcome> {
  const name = settings.model;
  assertModelName(name, 'model');
  return writeLifecycleTag(
    ports,
    name,
    (state) => {
      const version = findExactVersion(modelOf(state, name), settings.version);
      const base = { model: name, action: 'deregister' as const, version: version.version };
      const tag = formatRegistryTag({ model: name, action: 'deregister', version: version.version });
      if (version.status === 'deregistered')
        return {
          noop: {
            ...base,
            changed: false,
            tag,
            summary: `${name} ${version.version} is already deregistered; nothing written`,
          },
        };
      return {
        write: {
          name: tag,
          commit: version.commit,
          message: lifecycleMessage(`Deregistering artifact ${name} version ${version.version}`, settings),
        },
        outcome: { ...base, changed: true, tag, summary: `deregistered ${name} ${version.version} (${tag})` },
      };
    },
    settings.tagger,
  );
}
