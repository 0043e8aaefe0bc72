import type { CheckOf } from '../check-schema.js';
import { rangeRule } from '../range-rule.js';
import { ValueCheck } from '../value-check.js';

/** `max`: every value is at most (below, with strict) the bound; observes the largest value. */
export function maxCheck(check: CheckOf<'max'>, maxExamples: number): ValueCheck {
  const range = { max: check.value, strictMin: false, strictMax: check.strict, mostly: check.mostly };
  return new ValueCheck(rangeRule(range, 'max'), maxExamples);
}
