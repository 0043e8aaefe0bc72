import type { CheckOf } from '../check-schema.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';

/** `columns-absent`: none of the listed columns is in the header (a leaked label, a raw identifier). */
export class ColumnsAbsentCheck implements CheckAccumulator {
  constructor(private readonly check: CheckOf<'columns-absent'>) {}

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
