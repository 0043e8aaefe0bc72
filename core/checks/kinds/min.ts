import { check, column, mostly, valueBound } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `min`: every value is at least (above, with strict) the bound; observes the smallest value. */
export function minCheck(check: z.output<typeof minSchema>, maxExamples: number): ValueCheck {
  const range = { min: check.value, strictMin: check.strict, strictMax: false, mostly: check.mostly };
  return new ValueCheck(rangeRule(range, 'min'), maxExamples);
}

export const minSchema = check('min', 'Every value is at least value (greater than value with strict).', {
  column,
  value: valueBound.describe('Lower bound: a number, or an ISO timestamp for timestamp columns.'),
  strict: z.boolean().default(false).describe('Require values strictly greater than the bound.'),
  mostly,
});

export const minKind = checkKind(minSchema, { create: (check, maxExamples) => minCheck(check, maxExamples) });
