import { compareSemver } from '../../core/registry/semver.js';
import type { RegistryListEntry, RegistryListOutcome } from '../../core/report/registry/registry-outcomes.js';
import { readRegistryState } from './read-model-state.js';
import type { RegistryQueryPorts } from './registry-ports.js';

/** `modelship registry list`: every model, its latest version and who holds each stage. */
export async function runRegistryList(ports: RegistryQueryPorts): Promise<RegistryListOutcome> {
  const state = await readRegistryState(ports.tags);
  const models = [...state.models.values()]
    .map((m): RegistryListEntry => {
      const active = m.versions.filter((v) => v.status === 'active');
      const latest = [...active].sort((a, b) => compareSemver(b.version, a.version))[0];
      return {
        model: m.name,
        deprecated: m.deprecated,
        ...(latest && !m.deprecated ? { latest: latest.version } : {}),
        active: active.length,
        registered: m.versions.length,
        stages: Object.fromEntries(
          Object.entries(m.stages)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([stage, holder]) => [stage, holder.version]),
        ),
      };
    })
    .sort((a, b) => a.model.localeCompare(b.model));
  return { models, problems: state.problems };
}
