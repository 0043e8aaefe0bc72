import type { CheckOf } from '../check-schema.js';
import { CompactNumbers } from '../compact-numbers.js';
import { NumericColumn } from '../numeric-column.js';
import { selectMedian } from '../select-quantile.js';
import { StatisticCheck } from '../statistic-check.js';

/** `median` of the non-missing, non-NaN values (kept compactly, selected at the end, not sorted). */
export function medianCheck(check: CheckOf<'median'>, maxExamples: number): StatisticCheck {
  const values = new CompactNumbers();
  const column = new NumericColumn('number', maxExamples, values);
  return new StatisticCheck('median', check, column, () => {
    if (values.length === 0) return undefined;
    const { values: all, scale } = values.take();
    return selectMedian(all, scale);
  });
}
