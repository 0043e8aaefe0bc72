import { assertModelName, assertStageName, formatRegistryTag } from '../../core/registry/tag-grammar.js';
import { nextStageCounter } from '../../core/registry/next-stage-counter.js';
import { findExactVersion } from './find-version.js';
import type { LifecycleRequest } from './lifecycle-settings.js';
import { modelOf } from './read-model-state.js';
import type { RegistryWritePorts } from './registry-ports.js';
import { isAssigned } from './stage-assignment.js';
import type { LifecycleOutcome } from '../../core/report/registry/registry-outcomes.js';
import { lifecycleMessage, writeLifecycleTag } from './write-lifecycle-tag.js';

export interface UnassignStageSettings extends LifecycleRequest {
  model: string;
  stage: string;
  /**
   * The version to take out of the stage; default the one holding it. Naming it makes a retry a
   * no-op: without it, a second run would unassign the version the first one brought back.
   */
  version?: string;
}

/** Takes a version out of a stage with GTO's tag `name#stage!#N`; the previous assignment (if any) holds again. */
export async function unassignStage(
  settings: UnassignStageSettings,
  ports: RegistryWritePorts,
): Promise<LifecycleOutcome> {
  const { model: name, stage } = settings;
  assertModelName(name, 'model');
  assertStageName(stage, 'stage');
  return writeLifecycleTag(
    ports,
    name,
    (state) => {
      const model = modelOf(state, name);
      const base = { model: name, action: 'unassign' as const, stage };
      const holder = model.stages[stage];
      const version = settings.version
        ? findExactVersion(model, settings.version)
        : holder && model.versions.find((v) => v.version === holder.version);
      if (!version)
        return {
          noop: { ...base, changed: false, summary: `no version of ${name} holds ${stage}; nothing written` },
        };
      if (!isAssigned(model, stage, version.version))
        return {
          noop: {
            ...base,
            version: version.version,
            changed: false,
            summary: `${name} ${version.version} is not assigned to ${stage}; nothing written`,
          },
        };
      const tag = formatRegistryTag({
        model: name,
        action: 'unassign',
        stage,
        counter: nextStageCounter(state, name),
      });
      return {
        write: {
          name: tag,
          commit: version.commit,
          message: lifecycleMessage(
            `Unassigning stage ${stage} from artifact ${name} version ${version.version}`,
            settings,
          ),
        },
        outcome: {
          ...base,
          version: version.version,
          changed: true,
          tag,
          summary: `unassigned ${stage} from ${name} ${version.version} (${tag})`,
        },
      };
    },
    settings.tagger,
  );
}
