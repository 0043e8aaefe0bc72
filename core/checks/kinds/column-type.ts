import { check, column } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { Batch, ColumnChunk, ColumnType } from '../../data/types.js';
import { widenType } from '../../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome } from '../accumulator.js';
import { chunkValue } from '../chunk-value.js';
import { describeUnexpected, percentOf } from '../describe.js';
import { parseNumber } from '../numeric-reader.js';
import { parseTimestamp } from '../../data/parse-timestamp.js';

/**
 * `column-type`: every value is of the type (integer data passes float). Judged value by value, so
 * a column read as text — forced by a regex on it, or widened by one stray value — still passes when
 * its values are integers, and the stray values are shown with their rows.
 *
 * `string` is the widest type: a column with one value that fits no narrower type holds all its
 * values as text (as the drift table reads it, and whatever type its earlier batches were read as),
 * so it is judged by the column's final type: a string column passes, any other fails on every value.
 * Judging batch by batch instead passed the rows of the batch holding the stray value and failed the
 * integers before it, in the same result that observed a string column.
 */
export class ColumnTypeCheck implements CheckAccumulator {
  private checked = 0;
  private unexpected = 0;
  private seenType: ColumnType | undefined;
  private readonly examples: ExampleList;
  private readonly conforms: (text: string) => boolean;

  constructor(
    private readonly check: z.output<typeof columnTypeSchema>,
    maxExamples: number,
  ) {
    this.examples = new ExampleList(maxExamples);
    this.conforms = textConforms(check.type);
  }

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    const chunk = chunks[0]!;
    const present = chunk.valid.length - chunk.nullCount;
    if (present === 0) return;
    this.seenType = this.seenType === undefined ? chunk.type : widenType(this.seenType, chunk.type);
    this.checked += present;
    if (this.check.type === 'string') {
      // Only the final type decides (see above); these are the examples should it not be text.
      if (chunk.type !== 'string') this.noteExamples(batch, chunk);
      return;
    }
    const verdict = this.chunkVerdict(chunk);
    if (verdict === 'all') return;
    const valid = chunk.valid;
    for (let i = 0; i < valid.length; i++) {
      if (valid[i] !== 1 || (verdict !== 'none' && verdict(i))) continue;
      this.unexpected++;
      this.examples.add(batch, i, chunkValue(chunk, i));
    }
  }

  private noteExamples(batch: Batch, chunk: ColumnChunk): void {
    for (let i = 0; i < chunk.valid.length && !this.examples.full; i++)
      if (chunk.valid[i] === 1) this.examples.add(batch, i, chunkValue(chunk, i));
  }

  /** 'all' when the chunk's type settles it, else a test per row ('none' passes no row). */
  private chunkVerdict(chunk: ColumnChunk): 'all' | 'none' | ((i: number) => boolean) {
    const want = this.check.type;
    if (chunk.type === want || (want === 'float' && chunk.type === 'integer')) return 'all';
    if (chunk.type === 'string') {
      const { codes, dictionary } = chunk;
      const cache = new Map<number, boolean>();
      return (i) => {
        const code = codes[i]!;
        let ok = cache.get(code);
        if (ok === undefined) cache.set(code, (ok = this.conforms(dictionary[code]!)));
        return ok;
      };
    }
    if (want === 'integer' && chunk.type === 'float') return (i) => Number.isInteger(chunk.values[i]);
    return 'none';
  }

  finish(): CheckOutcome {
    const type = this.check.type;
    const unexpected = type !== 'string' ? this.unexpected : this.seenType === 'string' ? 0 : this.checked;
    const success = unexpected === 0;
    const examples = success ? [] : this.examples.items;
    return {
      success,
      observed: success && this.checked > 0 ? type : (this.seenType ?? null),
      unexpectedCount: unexpected,
      unexpectedPercent: percentOf(unexpected, this.checked),
      examples,
      message: success
        ? this.checked === 0
          ? 'no non-missing values to check'
          : `every value is ${article(type)} ${type}`
        : describeUnexpected(unexpected, this.checked, `are not ${type}s`, examples),
    };
  }
}

function textConforms(type: ColumnType): (text: string) => boolean {
  switch (type) {
    case 'integer':
      return (t) => /^\s*[+-]?\d+\s*$/.test(t);
    case 'float':
      return (t) => parseNumber(t) !== undefined;
    case 'boolean':
      return (t) => /^\s*(true|false)\s*$/i.test(t);
    case 'timestamp':
      return (t) => parseTimestamp(t) !== undefined;
    case 'string':
      return () => true;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}

export const columnTypeSchema = check(
  'column-type',
  "The column's values have this type (integer data also passes float).",
  {
    column,
    type: z
      .enum(['integer', 'float', 'boolean', 'string', 'timestamp'])
      .describe('Expected type: integer, float, boolean, string or timestamp.'),
  },
);

export const columnTypeKind = checkKind(columnTypeSchema, {
  create: (check, maxExamples) => new ColumnTypeCheck(check, maxExamples),
});
