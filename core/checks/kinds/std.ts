import type { CheckOf } from '../check-schema.js';
import { NumericColumn, type NumberSink } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';

/**
 * `std`: the sample standard deviation (ddof 1, as pandas) in one pass: Welford's update on values
 * shifted by the first one, so a large common offset (timestamps, 1e6 ± 3) costs no precision.
 */
export function stdCheck(check: CheckOf<'std'>, maxExamples: number): StatisticCheck {
  const variance = new RunningVariance();
  const column = new NumericColumn('number', maxExamples, variance);
  return new StatisticCheck('std', check, column, () =>
    variance.count < 2 ? undefined : Math.sqrt(variance.m2 / (variance.count - 1)),
  );
}

class RunningVariance implements NumberSink {
  count = 0;
  shift = 0;
  mean = 0;
  m2 = 0;

  pushAll(values: Float64Array, n: number): void {
    if (this.count === 0) this.shift = values[0]!;
    const shift = this.shift;
    let k = this.count;
    let m = this.mean;
    let s2 = this.m2;
    for (let i = 0; i < n; i++) {
      const x = values[i]! - shift;
      k++;
      const delta = x - m;
      m += delta / k;
      s2 += delta * (x - m);
    }
    this.count = k;
    this.mean = m;
    this.m2 = s2;
  }
}
