import type { RegistryEvent } from '../registry/registry-types.js';
import type { PolicyRefusal } from './policy-refusal.js';
import { replayStage } from './stage-timeline.js';

export type RollbackRefusalCode = 'nothing-running' | 'no-previous-version' | 'already-running';

export type RollbackTarget =
  | { ok: true; version: string; current: string | undefined; explicit: boolean }
  | ({ ok: false } & PolicyRefusal<RollbackRefusalCode>);

/**
 * The version `/rollback ENV` goes back to, from the registry's stage history. By GTO's rule the
 * stage is a stack: the version that ran before the current one is the one the stage falls back to
 * when the current one's assignment is withdrawn — the most recently assigned version, other than
 * the current one, whose assignment is still in effect.
 *
 * So the caller should record a default rollback as an unassignment of the current version
 * (`name#ENV!#N`): a second `/rollback` then walks further back (v6 → v5 → v4) instead of
 * toggling back to the version just rolled back from, as re-assigning v5 would make it do.
 * An explicit target (already resolved by the registry to a full version) is taken as given,
 * unless it is what runs now.
 */
export function resolveRollbackTarget(
  history: readonly RegistryEvent[],
  environment: string,
  options: { model?: string; explicit?: string; now?: string } = {},
): RollbackTarget {
  const { assigned } = replayStage(history, environment, {
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.now !== undefined ? { until: options.now } : {}),
  });
  const current = assigned[0]?.version;
  if (options.explicit !== undefined) {
    if (options.explicit === current)
      return refuse('already-running', `${options.explicit} already runs in ${environment}.`);
    return { ok: true, version: options.explicit, current, explicit: true };
  }
  if (current === undefined)
    return refuse(
      'nothing-running',
      `Nothing runs in ${environment} to roll back from: name a version, e.g. /rollback ${environment} to v4.`,
    );
  const previous = assigned[1]?.version;
  if (previous === undefined)
    return refuse(
      'no-previous-version',
      `No version ran in ${environment} before ${current} (none is still assigned there): name one, e.g. /rollback ${environment} to v4.`,
    );
  return { ok: true, version: previous, current, explicit: false };
}

function refuse(code: RollbackRefusalCode, message: string): RollbackTarget {
  return { ok: false, code, message };
}
