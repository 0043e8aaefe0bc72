import type { CheckOf } from '../check-schema.js';
import { NumericColumn } from '../numeric-column.js';
import { OrderStatistics } from '../order-statistics.js';
import { StatisticCheck } from '../statistic-check.js';

/** `median` of the non-missing, non-NaN values (kept compactly, selected at the end, not sorted). */
export function medianCheck(check: CheckOf<'median'>, maxExamples: number): StatisticCheck {
  const values = new OrderStatistics();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck('median', check, column, () => values.median());
}
