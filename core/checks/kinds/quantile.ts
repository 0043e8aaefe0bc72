import type { CheckOf } from '../check-schema.js';
import { CompactNumbers } from '../compact-numbers.js';
import { NumericColumn } from '../numeric-column.js';
import { selectQuantile } from '../select-quantile.js';
import { StatisticCheck } from '../statistic-check.js';

/** `quantile` q of the non-missing, non-NaN values, interpolated linearly as pandas and numpy do. */
export function quantileCheck(check: CheckOf<'quantile'>, maxExamples: number): StatisticCheck {
  const values = new CompactNumbers();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck(`quantile ${check.q}`, check, column, () => {
    if (values.length === 0) return undefined;
    const { values: all, scale } = values.take();
    return selectQuantile(all, check.q, scale);
  });
}
