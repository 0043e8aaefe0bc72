import {
  atLeastOneBound,
  check,
  column,
  hasAny,
  mostly,
  orderedBounds,
  valueBound,
} from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `between`: every value lies within the bounds; observes the smallest and largest value. */
export function betweenCheck(check: z.output<typeof betweenSchema>, maxExamples: number): ValueCheck {
  const range = {
    ...(check.min !== undefined ? { min: check.min } : {}),
    ...(check.max !== undefined ? { max: check.max } : {}),
    strictMin: check['strict-min'],
    strictMax: check['strict-max'],
    mostly: check.mostly,
  };
  return new ValueCheck(rangeRule(range, 'both'), maxExamples);
}

export const betweenSchema = check('between', 'Every value lies within the bounds.', {
  column,
  min: valueBound.optional().describe('Lower bound: a number, or an ISO timestamp for timestamp columns.'),
  max: valueBound.optional().describe('Upper bound: a number, or an ISO timestamp for timestamp columns.'),
  'strict-min': z.boolean().default(false).describe('Require values strictly greater than min.'),
  'strict-max': z.boolean().default(false).describe('Require values strictly less than max.'),
  mostly,
})
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);

export const betweenKind = checkKind(betweenSchema, {
  create: (check, maxExamples) => betweenCheck(check, maxExamples),
});
