import { UserError, type ErrorLocation } from '../errors.js';
import { assertStageName } from './tag-grammar.js';

/**
 * A stage to assign or unassign: valid by GTO's rule, and one of `registry.stages` when that list is
 * configured (GTO's `stages` setting in .gto does the same).
 */
export function assertStageAllowed(
  stage: string,
  allowed: readonly string[] | undefined,
  where?: ErrorLocation | string,
): void {
  assertStageName(stage, where);
  if (allowed === undefined || allowed.includes(stage)) return;
  throw new UserError(
    'input',
    `stage ${JSON.stringify(stage)} is not one of the stages .github/modelship.yml allows (registry.stages: ${allowed.join(', ')})`,
    typeof where === 'string' ? { field: where } : (where ?? { field: 'stage' }),
  );
}
