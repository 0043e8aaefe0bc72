import type { RegistryEvent } from '../../../core/registry/registry-types.js';

let counter = 0;

/** A stage event as the registry lists it (`fraud#staging#3`), at an hour offset from a fixed day. */
export function stageEvent(
  action: 'assign' | 'unassign',
  version: string,
  stage: string,
  hour: number,
  model = 'fraud',
): RegistryEvent {
  counter++;
  return {
    action,
    model,
    version,
    stage,
    tag: `${model}#${stage}${action === 'unassign' ? '!' : ''}#${counter}`,
    commit: 'a'.repeat(40),
    at: at(hour),
    by: 'ci',
    message: '',
  };
}

/** 2026-11-01T00:00:00Z plus `hour` hours. */
export function at(hour: number): string {
  return new Date(Date.UTC(2026, 10, 1) + hour * 3_600_000).toISOString();
}
