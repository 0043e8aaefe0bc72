import type { CheckOf } from '../check-schema.js';
import { ValueCheck } from '../value-check.js';

/** `regex`: every value matches the pattern (JavaScript syntax, a search unless anchored). */
export function regexCheck(check: CheckOf<'regex'>, maxExamples: number): ValueCheck {
  // No `g` or `y` flag: `test` then keeps no state between values.
  const pattern = new RegExp(check.pattern);
  return new ValueCheck(
    {
      mostly: check.mostly,
      failure: `do not match /${check.pattern}/`,
      passing: `match /${check.pattern}/`,
      test: (text: string) => pattern.test(text),
    },
    maxExamples,
  );
}
