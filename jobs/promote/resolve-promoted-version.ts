import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import type { ModelVersion } from '../../core/registry/registry-types.js';
import { resolveVersion } from '../../core/registry/resolve-version.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';

/**
 * The version asked for, through the registry: it must exist and be active (resolveVersion refuses
 * unknown, deregistered and deprecated ones). Every version of the model comes along, to read back
 * which one a `{uri}` or `{digest}` in a manifest means.
 */
export async function resolvePromotedVersion(
  registry: RegistryTagReader,
  model: string,
  spec: string,
): Promise<{ version: ModelVersion; versions: ModelVersion[] }> {
  const state = buildRegistryState(await registry.listTags({ model }));
  const version = resolveVersion(state, model, spec);
  return { version, versions: state.models.get(model)?.versions ?? [] };
}

/** Every registered version of the model (status reads values back through them). */
export async function registeredVersions(
  registry: RegistryTagReader,
  model: string,
): Promise<ModelVersion[]> {
  return buildRegistryState(await registry.listTags({ model })).models.get(model)?.versions ?? [];
}
