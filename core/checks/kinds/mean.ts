import { statistic } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { NumericColumn, type NumberSink } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';

/** `mean` of the non-missing, non-NaN values, summed with Neumaier's compensation. */
export function meanCheck(check: z.output<typeof meanSchema>, maxExamples: number): StatisticCheck {
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

export const meanSchema = statistic('mean', 'The mean of the non-missing values lies within the bounds.');

export const meanKind = checkKind(meanSchema, {
  create: (check, maxExamples) => meanCheck(check, maxExamples),
});
