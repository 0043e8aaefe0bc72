import { check, column, mostly, valueBound } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `max`: every value is at most (below, with strict) the bound; observes the largest value. */
export function maxCheck(check: z.output<typeof maxSchema>, maxExamples: number): ValueCheck {
  const range = { max: check.value, strictMin: false, strictMax: check.strict, mostly: check.mostly };
  return new ValueCheck(rangeRule(range, 'max'), maxExamples);
}

export const maxSchema = check('max', 'Every value is at most value (less than value with strict).', {
  column,
  value: valueBound.describe('Upper bound: a number, or an ISO timestamp for timestamp columns.'),
  strict: z.boolean().default(false).describe('Require values strictly less than the bound.'),
  mostly,
});

export const maxKind = checkKind(maxSchema, { create: (check, maxExamples) => maxCheck(check, maxExamples) });
