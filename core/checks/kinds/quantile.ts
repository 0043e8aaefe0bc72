import type { CheckOf } from '../check-schema.js';
import { GrowableFloats } from '../growable-floats.js';
import { NumericColumn } from '../numeric-column.js';
import { selectQuantile } from '../select-quantile.js';
import { StatisticCheck } from '../statistic-check.js';

/** `quantile` q of the non-missing, non-NaN values, interpolated linearly as pandas and numpy do. */
export function quantileCheck(check: CheckOf<'quantile'>, maxExamples: number): StatisticCheck {
  const values = new GrowableFloats();
  const column = new NumericColumn('number', maxExamples, (x) => values.push(x));
  return new StatisticCheck(`quantile ${check.q}`, check, column, () =>
    values.length === 0 ? undefined : selectQuantile(values.view(), check.q),
  );
}
