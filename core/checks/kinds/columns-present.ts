import { check, columnList } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';
import { closestName } from '../closest-name.js';

/** `columns-present`: every listed column is in the header. */
export class ColumnsPresentCheck implements CheckAccumulator {
  constructor(private readonly check: z.output<typeof columnsPresentSchema>) {}

  add(): void {}

  finish({ names }: FinishContext): CheckOutcome {
    const header = new Set(names);
    const missing = this.check.columns.filter((c) => !header.has(c));
    const hints = missing
      .map((c) => [c, closestName(c, names)] as const)
      .filter(([, near]) => near !== undefined)
      .map(([c, near]) => `"${c}" (did you mean "${near}"?)`);
    return {
      success: missing.length === 0,
      observed: missing,
      unexpectedCount: missing.length,
      unexpectedPercent: (100 * missing.length) / this.check.columns.length,
      examples: [],
      message:
        missing.length === 0
          ? `all ${this.check.columns.length} columns are present`
          : `missing ${missing.length === 1 ? 'column' : 'columns'}: ${missing.map((c) => `"${c}"`).join(', ')}${hints.length ? `; ${hints.join(', ')}` : ''}`,
    };
  }
}

export const columnsPresentSchema = check('columns-present', 'Every listed column exists.', {
  columns: columnList.describe('Columns that must exist.'),
});

export const columnsPresentKind = checkKind(columnsPresentSchema, {
  create: (check) => new ColumnsPresentCheck(check),
  header: true,
});
