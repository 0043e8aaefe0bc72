import { check, column, fraction } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { Batch, ColumnChunk } from '../../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome, type FinishContext } from '../accumulator.js';
import { describeExample, formatCount, formatPercent, percentOf } from '../describe.js';

/** `null-rate`: the share of missing values is at most `max`. */
export class NullRateCheck implements CheckAccumulator {
  private nulls = 0;
  private readonly examples: ExampleList;

  constructor(
    private readonly check: z.output<typeof nullRateSchema>,
    maxExamples: number,
  ) {
    this.examples = new ExampleList(maxExamples);
  }

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    const chunk = chunks[0]!;
    if (chunk.nullCount === 0) return;
    this.nulls += chunk.nullCount;
    const valid = chunk.valid;
    for (let i = 0; i < valid.length && !this.examples.full; i++) {
      if (valid[i] !== 1) this.examples.add(batch, i, null);
    }
  }

  finish({ rows }: FinishContext): CheckOutcome {
    const rate = rows === 0 ? 0 : this.nulls / rows;
    const success = rate <= this.check.max;
    const share = `${formatCount(this.nulls)} of ${formatCount(rows)} values (${formatPercent(100 * rate)}) are missing`;
    const limit = `${success ? 'within' : 'above'} the limit of ${formatPercent(100 * this.check.max)}`;
    return {
      success,
      observed: rate,
      unexpectedCount: this.nulls,
      unexpectedPercent: percentOf(this.nulls, rows),
      examples: this.examples.items,
      message: `${share}, ${limit}${success ? '' : describeExample(this.examples.items)}`,
    };
  }
}

export const nullRateSchema = check('null-rate', 'The share of missing values is at most max.', {
  column,
  max: fraction.describe('Largest allowed share of missing values, 0 to 1.'),
});

export const nullRateKind = checkKind(nullRateSchema, {
  create: (check, maxExamples) => new NullRateCheck(check, maxExamples),
});
