import { check, column, mostly } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { patternTest } from '../regex/pattern-test.js';
import { ValueCheck } from '../value-check.js';

/**
 * `regex`: every value matches the pattern (JavaScript syntax, a search unless anchored). Patterns
 * that could backtrack without end run on a linear-time engine (see `patternTest`).
 */
export function regexCheck(check: z.output<typeof regexSchema>, maxExamples: number): ValueCheck {
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

export const regexSchema = check(
  'regex',
  'Every value matches the pattern (anchor it with ^…$ for a full match).',
  {
    column,
    pattern: z
      .string()
      .min(1)
      .superRefine((pattern, ctx) => {
        const problem = regexProblem(pattern);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${problem}` });
          return;
        }
        const run = patternTest(pattern);
        if ('problem' in run) ctx.addIssue({ code: 'custom', message: run.problem });
      })
      .describe('A JavaScript regular expression.'),
    mostly,
  },
);

export const regexKind = checkKind(regexSchema, {
  create: (check, maxExamples) => regexCheck(check, maxExamples),
  forcesText: () => true,
});

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    // V8 says `Invalid regular expression: /(/: Unterminated group`; keep the reason.
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}
