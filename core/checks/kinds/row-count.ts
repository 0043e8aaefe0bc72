import type { CheckOf } from '../check-schema.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';
import { formatCount } from '../describe.js';

/** `row-count`: the number of rows lies within the bounds. */
export class RowCountCheck implements CheckAccumulator {
  constructor(private readonly check: CheckOf<'row-count'>) {}

  add(): void {}

  finish({ rows }: FinishContext): CheckOutcome {
    const { min, max } = this.check;
    const success = (min === undefined || rows >= min) && (max === undefined || rows <= max);
    const bounds =
      min !== undefined && max !== undefined
        ? `between ${formatCount(min)} and ${formatCount(max)}`
        : min !== undefined
          ? `at least ${formatCount(min)}`
          : `at most ${formatCount(max!)}`;
    return {
      success,
      observed: rows,
      unexpectedCount: 0,
      unexpectedPercent: 0,
      examples: [],
      message: `${formatCount(rows)} rows; ${success ? '' : 'expected '}${bounds}`,
    };
  }
}
