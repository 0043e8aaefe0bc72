import { atLeastOneBound, check, column, fraction, hasAny, orderedBounds } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { NumericColumn } from '../numeric-column.js';
import { OrderStatistics } from '../order-statistics.js';
import { StatisticCheck } from '../statistic-check.js';

/** `quantile` q of the non-missing, non-NaN values, interpolated linearly as pandas and numpy do. */
export function quantileCheck(check: z.output<typeof quantileSchema>, maxExamples: number): StatisticCheck {
  const values = new OrderStatistics();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck(`quantile ${check.q}`, check, column, () => values.quantile(check.q));
}

export const quantileSchema = check(
  'quantile',
  'The q quantile (linear interpolation, as pandas and numpy) lies within the bounds.',
  {
    column,
    q: fraction.describe('The quantile, 0 to 1 (0.5 is the median).'),
    min: z.number().optional().describe('Smallest allowed value of the quantile.'),
    max: z.number().optional().describe('Largest allowed value of the quantile.'),
  },
)
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);

export const quantileKind = checkKind(quantileSchema, {
  create: (check, maxExamples) => quantileCheck(check, maxExamples),
});
