import { atLeastOneBound, check, column, count, hasAny, mostly, orderedBounds } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { ValueCheck } from '../value-check.js';

/** `string-length`: every value's length in characters (code points, as Python counts) is within bounds. */
export function stringLengthCheck(
  check: z.output<typeof stringLengthSchema>,
  maxExamples: number,
): ValueCheck {
  const { min, max } = check;
  let shortest = Infinity;
  let longest = -Infinity;
  const bounds =
    min !== undefined && max !== undefined
      ? `between ${min} and ${max} characters long`
      : min !== undefined
        ? `at least ${min} characters long`
        : `at most ${max} characters long`;
  return new ValueCheck(
    {
      mostly: check.mostly,
      failure: `are not ${bounds}`,
      passing: `are ${bounds}`,
      test: (text: string) => {
        const length = codePoints(text);
        return (min === undefined || length >= min) && (max === undefined || length <= max);
      },
      seen: (text: string) => {
        const length = codePoints(text);
        if (length < shortest) shortest = length;
        if (length > longest) longest = length;
      },
      observed: () => (shortest <= longest ? { min: shortest, max: longest } : null),
    },
    maxExamples,
  );
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export const stringLengthSchema = check(
  'string-length',
  "Every value's length in characters lies within the bounds.",
  {
    column,
    min: count.optional().describe('Shortest allowed length.'),
    max: count.optional().describe('Longest allowed length.'),
    mostly,
  },
)
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);

export const stringLengthKind = checkKind(stringLengthSchema, {
  create: (check, maxExamples) => stringLengthCheck(check, maxExamples),
  forcesText: () => true,
});
