import type { CheckOf } from '../check-schema.js';
import { GrowableFloats } from '../growable-floats.js';
import { NumericColumn } from '../numeric-column.js';
import { selectMedian } from '../select-quantile.js';
import { StatisticCheck } from '../statistic-check.js';

/** `median` of the non-missing, non-NaN values (kept in one growing Float64Array, selected at the end, not sorted). */
export function medianCheck(check: CheckOf<'median'>, maxExamples: number): StatisticCheck {
  const values = new GrowableFloats();
  const column = new NumericColumn('number', maxExamples, (x) => values.push(x));
  return new StatisticCheck('median', check, column, () =>
    values.length === 0 ? undefined : selectMedian(values.view()),
  );
}
