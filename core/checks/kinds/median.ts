import { statistic } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { NumericColumn } from '../numeric-column.js';
import { OrderStatistics } from '../order-statistics.js';
import { StatisticCheck } from '../statistic-check.js';

/** `median` of the non-missing, non-NaN values (kept compactly, selected at the end, not sorted). */
export function medianCheck(check: z.output<typeof medianSchema>, maxExamples: number): StatisticCheck {
  const values = new OrderStatistics();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck('median', check, column, () => values.median());
}

export const medianSchema = statistic(
  'median',
  'The median of the non-missing values lies within the bounds.',
);

export const medianKind = checkKind(medianSchema, {
  create: (check, maxExamples) => medianCheck(check, maxExamples),
});
