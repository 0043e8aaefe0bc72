import type { CheckOf } from '../check-schema.js';
import { NumericColumn } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';

/** `mean` of the non-missing, non-NaN values, summed with Neumaier's compensation. */
export function meanCheck(check: CheckOf<'mean'>, maxExamples: number): StatisticCheck {
  let count = 0;
  let sum = 0;
  let compensation = 0;
  const column = new NumericColumn('number', maxExamples, (x) => {
    count++;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  });
  return new StatisticCheck('mean', check, column, () =>
    count === 0 ? undefined : (sum + compensation) / count,
  );
}
