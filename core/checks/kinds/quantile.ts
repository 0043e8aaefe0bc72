import type { CheckOf } from '../check-schema.js';
import { NumericColumn } from '../numeric-column.js';
import { OrderStatistics } from '../order-statistics.js';
import { StatisticCheck } from '../statistic-check.js';

/** `quantile` q of the non-missing, non-NaN values, interpolated linearly as pandas and numpy do. */
export function quantileCheck(check: CheckOf<'quantile'>, maxExamples: number): StatisticCheck {
  const values = new OrderStatistics();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck(`quantile ${check.q}`, check, column, () => values.quantile(check.q));
}
