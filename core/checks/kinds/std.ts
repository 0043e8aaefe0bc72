import { statistic } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { NumericColumn, type NumberSink } from '../numeric-column.js';
import { StatisticCheck } from '../statistic-check.js';
import { squaredDeviations } from '../../numeric/squared-deviations.js';

/**
 * `std`: the sample standard deviation (ddof 1, as pandas). Each chunk is summarised by two passes
 * (its mean, then the squared deviations from it, corrected by the deviations' own sum) and merged
 * into the running total with Chan's formula: as accurate as numpy's two-pass variance, in one pass
 * over the data, and no division per value (Welford's update divides each time, which is slow).
 */
export function stdCheck(check: z.output<typeof stdSchema>, maxExamples: number): StatisticCheck {
  const variance = new RunningVariance();
  const column = new NumericColumn('number', maxExamples, variance);
  return new StatisticCheck('std', check, column, () =>
    variance.count < 2 ? undefined : Math.sqrt(variance.m2 / (variance.count - 1)),
  );
}

class RunningVariance implements NumberSink {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;

  pushAll(values: Float64Array, n: number): void {
    const { mean, m2 } = squaredDeviations(values, n);
    if (this.count === 0) {
      this.count = n;
      this.mean = mean;
      this.m2 = m2;
      return;
    }
    const total = this.count + n;
    const delta = mean - this.mean;
    this.mean += (delta * n) / total;
    this.m2 += m2 + (delta * delta * this.count * n) / total;
    this.count = total;
  }
}

export const stdSchema = statistic(
  'std',
  'The sample standard deviation (ddof 1, as pandas) lies within the bounds.',
);

export const stdKind = checkKind(stdSchema, { create: (check, maxExamples) => stdCheck(check, maxExamples) });
