import { atLeastOneBound, check, count, hasAny, orderedBounds } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';
import { formatCount } from '../describe.js';

/** `row-count`: the number of rows lies within the bounds. */
export class RowCountCheck implements CheckAccumulator {
  constructor(private readonly check: z.output<typeof rowCountSchema>) {}

  add(): void {}

  finish({ rows }: FinishContext): CheckOutcome {
    const { min, max } = this.check;
    const success = (min === undefined || rows >= min) && (max === undefined || rows <= max);
    const bounds =
      min !== undefined && max !== undefined
        ? `between ${formatCount(min)} and ${formatCount(max)}`
        : min !== undefined
          ? `at least ${formatCount(min)}`
          : `at most ${formatCount(max!)}`;
    return {
      success,
      observed: rows,
      unexpectedCount: 0,
      unexpectedPercent: 0,
      examples: [],
      message: `${formatCount(rows)} rows; ${success ? '' : 'expected '}${bounds}`,
    };
  }
}

export const rowCountSchema = check('row-count', 'The number of rows lies within the bounds.', {
  min: count.optional().describe('Fewest rows allowed.'),
  max: count.optional().describe('Most rows allowed.'),
})
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);

export const rowCountKind = checkKind(rowCountSchema, { create: (check) => new RowCountCheck(check) });
