import type { CheckOf } from '../check-schema.js';
import { NumericColumn, type NumberSink } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';

/** `mean` of the non-missing, non-NaN values, summed with Neumaier's compensation. */
export function meanCheck(check: CheckOf<'mean'>, maxExamples: number): StatisticCheck {
  const sum = new CompensatedSum();
  const column = new NumericColumn('number', maxExamples, sum);
  return new StatisticCheck('mean', check, column, () =>
    sum.count === 0 ? undefined : (sum.sum + sum.compensation) / sum.count,
  );
}

class CompensatedSum implements NumberSink {
  count = 0;
  sum = 0;
  compensation = 0;

  pushAll(values: Float64Array, n: number): void {
    let s = this.sum;
    let c = this.compensation;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    this.sum = s;
    this.compensation = c;
    this.count += n;
  }
}
