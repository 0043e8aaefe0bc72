import { UserError } from '../../core/errors.js';
import { assertStageAllowed } from '../../core/registry/assert-stage-allowed.js';
import { assertModelName, formatRegistryTag } from '../../core/registry/tag-grammar.js';
import { nextStageCounter } from '../../core/registry/next-stage-counter.js';
import { findExactVersion } from './find-version.js';
import type { LifecycleRequest } from './lifecycle-settings.js';
import { modelOf } from './read-model-state.js';
import type { RegistryWritePorts } from './registry-ports.js';
import type { LifecycleOutcome } from '../../core/report/registry/registry-outcomes.js';
import { lifecycleMessage, writeLifecycleTag } from './write-lifecycle-tag.js';

export interface AssignStageSettings extends LifecycleRequest {
  model: string;
  /** The exact version, `v5.1.2` (or `5.1.2`). */
  version: string;
  stage: string;
  /** `registry.stages` of the config: when given, the only stages that may be assigned. */
  allowedStages?: readonly string[];
}

/**
 * Assigns a stage to a version with GTO's tag `name#stage#N` on the version's commit. Idempotent:
 * when the version already holds the stage (this request, retried, already wrote its tag — or
 * anyone's did), nothing is written; the promotion app calls this after every promotion.
 */
export async function assignStage(
  settings: AssignStageSettings,
  ports: RegistryWritePorts,
): Promise<LifecycleOutcome> {
  const { model: name, stage } = settings;
  assertModelName(name, 'model');
  assertStageAllowed(stage, settings.allowedStages, 'stage');
  return writeLifecycleTag(
    ports,
    name,
    (state) => {
      const model = modelOf(state, name);
      if (model.deprecated)
        throw new UserError('input', `${name} is deprecated: its versions can no longer be assigned a stage`);
      const version = findExactVersion(model, settings.version);
      if (version.status !== 'active')
        throw new UserError(
          'input',
          `${name} ${version.version} is ${version.status}: only an active version can be assigned a stage`,
        );
      const base = { model: name, action: 'assign' as const, version: version.version, stage };
      const holder = model.stages[stage];
      if (holder?.version === version.version)
        return {
          noop: {
            ...base,
            changed: false,
            tag: holder.tag,
            summary: `${name} ${version.version} already holds ${stage} (${holder.tag}); nothing written`,
          },
        };
      const sharing = model.versions.find(
        (v) => v.commit === version.commit && v.version !== version.version,
      );
      if (sharing)
        throw new UserError(
          'input',
          `${name} ${version.version} and ${sharing.version} are registered on the same commit ${version.commit.slice(0, 12)}: a stage tag on it cannot say which version it means (GTO's rule); deregister one of them first`,
        );
      const tag = formatRegistryTag({
        model: name,
        action: 'assign',
        stage,
        counter: nextStageCounter(state, name),
      });
      return {
        write: {
          name: tag,
          commit: version.commit,
          message: lifecycleMessage(
            `Assigning stage ${stage} to artifact ${name} version ${version.version}`,
            settings,
          ),
        },
        outcome: {
          ...base,
          changed: true,
          tag,
          summary: `assigned ${stage} to ${name} ${version.version} (${tag})`,
        },
      };
    },
    settings.tagger,
  );
}
