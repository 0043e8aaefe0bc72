import { check, columnList } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';

/** `columns-absent`: none of the listed columns is in the header (a leaked label, a raw identifier). */
export class ColumnsAbsentCheck implements CheckAccumulator {
  constructor(private readonly check: z.output<typeof columnsAbsentSchema>) {}

  add(): void {}

  finish({ names }: FinishContext): CheckOutcome {
    const header = new Set(names);
    const present = this.check.columns.filter((c) => header.has(c));
    return {
      success: present.length === 0,
      observed: present,
      unexpectedCount: present.length,
      unexpectedPercent: (100 * present.length) / this.check.columns.length,
      examples: [],
      message:
        present.length === 0
          ? `none of the ${this.check.columns.length} columns is present`
          : `unwanted ${present.length === 1 ? 'column is' : 'columns are'} present: ${present.map((c) => `"${c}"`).join(', ')}`,
    };
  }
}

export const columnsAbsentSchema = check(
  'columns-absent',
  'None of the listed columns exists (e.g. a leaked label).',
  {
    columns: columnList.describe('Columns that must not exist.'),
  },
);

export const columnsAbsentKind = checkKind(columnsAbsentSchema, {
  create: (check) => new ColumnsAbsentCheck(check),
  header: true,
});
