import type { CheckOf } from '../check-schema.js';
import { patternTest } from '../regex/pattern-test.js';
import { ValueCheck } from '../value-check.js';

/**
 * `regex`: every value matches the pattern (JavaScript syntax, a search unless anchored). Patterns
 * that could backtrack without end run on a linear-time engine (see `patternTest`).
 */
export function regexCheck(check: CheckOf<'regex'>, maxExamples: number): ValueCheck {
  const run = patternTest(check.pattern);
  // The checks file's schema refuses such a pattern, with its line; this is only a safeguard.
  if ('problem' in run) throw new Error(`regex check on an unchecked pattern: ${run.problem}`);
  return new ValueCheck(
    {
      mostly: check.mostly,
      failure: `do not match /${check.pattern}/`,
      passing: `match /${check.pattern}/`,
      test: run.test,
    },
    maxExamples,
  );
}
