import type { CheckOf } from '../check-schema.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `min`: every value is at least (above, with strict) the bound; observes the smallest value. */
export function minCheck(check: CheckOf<'min'>, maxExamples: number): ValueCheck {
  const range = { min: check.value, strictMin: check.strict, strictMax: false, mostly: check.mostly };
  return new ValueCheck(rangeRule(range, 'min'), maxExamples);
}
