import { check, column } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { Batch, ColumnChunk } from '../../data/types.js';
import type { CheckAccumulator, CheckOutcome, FinishContext, NotApplicable } from '../accumulator.js';
import { timestampText } from '../chunk-value.js';
import { percentOf } from '../describe.js';
import { NumericColumn } from '../numeric-column.js';
import { parseDuration } from '../parse-duration.js';

/** `freshness`: the newest timestamp is no older than `max-age` before now. */
export class FreshnessCheck implements CheckAccumulator {
  private newest = -Infinity;
  private readonly column: NumericColumn;
  private readonly maxAge: number;

  constructor(
    private readonly check: z.output<typeof freshnessSchema>,
    maxExamples: number,
  ) {
    this.column = new NumericColumn('timestamp', maxExamples, {
      pushAll: (times, n) => {
        let newest = this.newest;
        for (let i = 0; i < n; i++) if (times[i]! > newest) newest = times[i]!;
        this.newest = newest;
      },
    });
    this.maxAge = parseDuration(check['max-age'])!;
  }

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    this.column.add(batch, chunks[0]!);
  }

  finish({ now }: FinishContext): CheckOutcome | NotApplicable {
    const column = this.column;
    const notApplicable = column.notApplicable();
    if (notApplicable) return notApplicable;
    const any = this.newest > -Infinity;
    const age = now - this.newest;
    const fresh = any && age <= this.maxAge;
    const limit = `the limit is ${this.check['max-age']}`;
    const message = !any
      ? 'no timestamps to judge freshness by'
      : `newest value ${timestampText(this.newest)} is ${age < 0 ? `${formatAge(-age)} in the future` : `${formatAge(age)} old`}; ${limit}`;
    return {
      success: fresh && column.notOfType === 0,
      observed: any ? timestampText(this.newest) : null,
      unexpectedCount: column.notOfType,
      unexpectedPercent: percentOf(column.notOfType, column.present),
      examples: column.examples.items,
      message: message + column.strayNote(),
    };
  }
}

/** `3d 4h`, `45m`, `12s`: the two largest units. */
export function formatAge(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ];
  const parts: string[] = [];
  let rest = Math.floor(ms);
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? `${rest}ms` : parts.filter((p) => !p.startsWith('0')).join(' ') || parts[0]!;
}

export const freshnessSchema = check('freshness', 'The newest timestamp is no older than max-age.', {
  column,
  'max-age': z
    .string()
    .refine((s) => parseDuration(s) !== undefined, {
      message: 'must be a duration like 90m, 36h, 7d, 1w or 1d12h',
    })
    // A zero window fails on every dataset (the newest value is always older than now).
    .refine((s) => parseDuration(s) !== 0, { message: 'must be longer than zero, so some data can pass' })
    .describe('Largest allowed age of the newest value: 90m, 36h, 7d, 1w, or combinations like 1d12h.'),
});

export const freshnessKind = checkKind(freshnessSchema, {
  create: (check, maxExamples) => new FreshnessCheck(check, maxExamples),
});
