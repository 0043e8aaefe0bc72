import type { Batch, ColumnChunk } from '../data/types.js';
import type { CheckAccumulator, CheckOutcome, NotApplicable } from './accumulator.js';
import { formatAgainst, formatNumber } from '../report/format-number.js';
import { percentOf } from './describe.js';
import type { NumericColumn } from './numeric-column.js';

export interface Bounds {
  min?: number;
  max?: number;
}

/**
 * The shared judgement of mean, std, median and quantile: one number from the column, compared
 * with the bounds. Values that are not numbers make the check fail and are listed.
 */
export class StatisticCheck implements CheckAccumulator {
  constructor(
    private readonly label: string,
    private readonly bounds: Bounds,
    private readonly column: NumericColumn,
    private readonly compute: () => number | undefined,
  ) {}

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    this.column.add(batch, chunks[0]!);
  }

  finish(): CheckOutcome | NotApplicable {
    const column = this.column;
    const notApplicable = column.notApplicable();
    if (notApplicable) return notApplicable;
    const value = this.compute();
    const { min, max } = this.bounds;
    const verdict =
      value === undefined
        ? `no values to compute the ${this.label} of`
        : Number.isNaN(value)
          ? `${this.label} is NaN`
          : min !== undefined && value < min
            ? `${this.label} ${formatAgainst(value, min)} is below the minimum ${min}`
            : max !== undefined && value > max
              ? `${this.label} ${formatAgainst(value, max)} is above the maximum ${max}`
              : undefined;
    const bounds = `${min ?? '-∞'}, ${max ?? '∞'}`;
    return {
      success: verdict === undefined && column.notOfType === 0,
      observed: value ?? null,
      unexpectedCount: column.notOfType,
      unexpectedPercent: percentOf(column.notOfType, column.present),
      examples: column.examples.items,
      message:
        (verdict ?? `${this.label} ${withinText(value!, min, max)} is within [${bounds}]`) +
        column.strayNote(),
    };
  }
}

/** The value inside its bounds, with the digits that tell it from a bound it lies close to. */
function withinText(value: number, min: number | undefined, max: number | undefined): string {
  const texts = [min, max].filter((b) => b !== undefined).map((b) => formatAgainst(value, b));
  return texts.reduce((longest, t) => (t.length > longest.length ? t : longest), formatNumber(value));
}
