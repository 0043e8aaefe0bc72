import type { CheckOf } from '../check-schema.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `between`: every value lies within the bounds; observes the smallest and largest value. */
export function betweenCheck(check: CheckOf<'between'>, maxExamples: number): ValueCheck {
  const range = {
    ...(check.min !== undefined ? { min: check.min } : {}),
    ...(check.max !== undefined ? { max: check.max } : {}),
    strictMin: check['strict-min'],
    strictMax: check['strict-max'],
    mostly: check.mostly,
  };
  return new ValueCheck(rangeRule(range, 'both'), maxExamples);
}
