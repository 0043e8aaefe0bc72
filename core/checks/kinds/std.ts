import type { CheckOf } from '../check-schema.js';
import { NumericColumn } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';

/**
 * `std`: the sample standard deviation (ddof 1, as pandas) in one pass: Welford's update on values
 * shifted by the first one, so a large common offset (timestamps, 1e6 ± 3) costs no precision.
 */
export function stdCheck(check: CheckOf<'std'>, maxExamples: number): StatisticCheck {
  let count = 0;
  let shift = 0;
  let mean = 0;
  let m2 = 0;
  const column = new NumericColumn('number', maxExamples, (value) => {
    if (count === 0) shift = value;
    const x = value - shift;
    count++;
    const delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  });
  return new StatisticCheck('std', check, column, () =>
    count < 2 ? undefined : Math.sqrt(m2 / (count - 1)),
  );
}
