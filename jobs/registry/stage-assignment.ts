import type { ModelState } from '../../core/registry/registry-types.js';

/**
 * Whether `version`'s latest event for `stage` is an assignment: the versions for which that holds
 * are the stage's candidates, of which the most recently assigned holds it (GTO's default).
 */
export function isAssigned(model: ModelState, stage: string, version: string): boolean {
  let assigned = false;
  for (const event of model.events) {
    if (event.stage !== stage || event.version !== version) continue;
    if (event.action === 'assign') assigned = true;
    else if (event.action === 'unassign') assigned = false;
  }
  return assigned;
}
