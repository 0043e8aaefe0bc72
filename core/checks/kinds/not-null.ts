import { check, column, mostly } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { Batch, ColumnChunk } from '../../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome, type FinishContext } from '../accumulator.js';
import { describeUnexpected, formatCount, percentOf } from '../describe.js';

/** `not-null`: no value is missing (or at most 1 − mostly of the rows). */
export class NotNullCheck implements CheckAccumulator {
  private nulls = 0;
  private readonly examples: ExampleList;

  constructor(
    private readonly check: z.output<typeof notNullSchema>,
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
    const present = rows - this.nulls;
    const success = rows === 0 || present / rows >= this.check.mostly;
    const message =
      this.nulls === 0
        ? `no missing values in ${formatCount(rows)} rows`
        : describeUnexpected(this.nulls, rows, 'are missing', this.examples.items) +
          (success ? `, within mostly ${this.check.mostly}` : '');
    return {
      success,
      observed: this.nulls,
      unexpectedCount: this.nulls,
      unexpectedPercent: percentOf(this.nulls, rows),
      examples: this.examples.items,
      message,
    };
  }
}

export const notNullSchema = check('not-null', 'No value is missing.', { column, mostly });

export const notNullKind = checkKind(notNullSchema, {
  create: (check, maxExamples) => new NotNullCheck(check, maxExamples),
});
