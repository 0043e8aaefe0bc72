import { check, column, columnList } from '../check-fields.js';
import type { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { Batch, ColumnChunk } from '../../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome } from '../accumulator.js';
import { chunkValue } from '../chunk-value.js';
import { describeUnexpected, formatCount, percentOf } from '../describe.js';
import { KeySet } from '../key-set.js';
import { NumberSet } from '../number-set.js';

const TAG_NUMBER = 1;
const TAG_STRING = 2;

/**
 * `unique`: no value, or combination of values for a compound key, occurs twice. Like Great
 * Expectations, every row of a repeated key counts as unexpected (the first occurrence once the
 * second appears) and rows with a missing key part are skipped. Numbers of a single column go to a
 * typed-array hash set; text and compound keys are encoded as 16-bit units into an arena-backed set.
 */
export class UniqueCheck implements CheckAccumulator {
  private readonly numbers = new NumberSet();
  private readonly keys = new KeySet();
  private scratch = new Uint16Array(256);
  private readonly bits = new Float64Array(1);
  private readonly bitUnits = new Uint16Array(this.bits.buffer);
  private checked = 0;
  private unexpected = 0;
  private readonly examples: ExampleList;
  private readonly compound: boolean;

  constructor(check: z.output<typeof uniqueSchema>, maxExamples: number) {
    this.examples = new ExampleList(maxExamples);
    this.compound = (check.columns?.length ?? 1) > 1;
  }

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    const n = batch.length;
    const canon = chunks.map((c) => (c.type === 'string' ? canonicalNumbers(c.dictionary) : undefined));
    const single = chunks.length === 1 ? chunks[0]! : undefined;
    const numeric = single !== undefined && single.type !== 'string' ? single : undefined;
    const text = single?.type === 'string' ? single : undefined;
    for (let i = 0; i < n; i++) {
      let verdict: 0 | 1 | 2;
      if (numeric) {
        if (numeric.valid[i] !== 1) continue;
        verdict = this.numbers.add(numeric.values[i]!);
      } else if (text && text.valid[i] === 1 && canon[0]!.isNumber[text.codes[i]!] === 1) {
        verdict = this.numbers.add(canon[0]!.values[text.codes[i]!]!);
      } else {
        const length = this.encode(chunks, canon, i);
        if (length < 0) continue;
        verdict = this.keys.add(this.scratch, length);
      }
      this.checked++;
      if (verdict === 0) continue;
      // The first repeat also makes the earlier row unexpected.
      this.unexpected += verdict === 1 ? 2 : 1;
      if (!this.examples.full) this.examples.add(batch, i, this.keyValue(chunks, i));
    }
  }

  /** Writes row i's key into the scratch units; -1 when a key part is missing. */
  private encode(
    chunks: readonly ColumnChunk[],
    canon: readonly (CanonicalNumbers | undefined)[],
    i: number,
  ): number {
    let length = 0;
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k]!;
      if (chunk.valid[i] !== 1) return -1;
      const numberText = chunk.type === 'string' && canon[k]!.isNumber[chunk.codes[i]!] === 1;
      if (chunk.type === 'string' && !numberText) {
        const text = chunk.dictionary[chunk.codes[i]!]!;
        length = this.reserve(length, text.length + 3);
        const scratch = this.scratch;
        scratch[length++] = TAG_STRING;
        scratch[length++] = text.length & 0xffff;
        scratch[length++] = text.length >>> 16;
        for (let j = 0; j < text.length; j++) scratch[length++] = text.charCodeAt(j);
      } else {
        length = this.reserve(length, 5);
        const v = chunk.type === 'string' ? canon[k]!.values[chunk.codes[i]!]! : chunk.values[i]!;
        this.bits[0] = v === 0 ? 0 : v !== v ? NaN : v;
        const scratch = this.scratch;
        scratch[length++] = TAG_NUMBER;
        for (let j = 0; j < 4; j++) scratch[length++] = this.bitUnits[j]!;
      }
    }
    return length;
  }

  private reserve(length: number, more: number): number {
    if (length + more > this.scratch.length) {
      const bigger = new Uint16Array(Math.max(this.scratch.length * 2, length + more));
      bigger.set(this.scratch.subarray(0, length));
      this.scratch = bigger;
    }
    return length;
  }

  private keyValue(chunks: readonly ColumnChunk[], i: number): unknown {
    return this.compound ? chunks.map((c) => chunkValue(c, i)) : chunkValue(chunks[0]!, i);
  }

  finish(): CheckOutcome {
    const what = this.compound ? 'keys' : 'values';
    const success = this.unexpected === 0;
    return {
      success,
      observed: this.unexpected,
      unexpectedCount: this.unexpected,
      unexpectedPercent: percentOf(this.unexpected, this.checked),
      examples: this.examples.items,
      message: success
        ? `all ${formatCount(this.checked)} ${what} are distinct`
        : describeUnexpected(this.unexpected, this.checked, 'are repeated', this.examples.items).replace(
            / values \(/,
            ` ${what} (`,
          ),
    };
  }

  /** Bytes held by the hash sets (for memory tests and benchmarks). */
  get byteLength(): number {
    return this.numbers.byteLength + this.keys.byteLength;
  }
}

interface CanonicalNumbers {
  values: Float64Array;
  isNumber: Uint8Array;
}

/**
 * The dictionary entries that are numbers written canonically (`2`, `-0.5`, `1e+21`): in a batch
 * widened to text by a stray value they still meet their equal numbers from other batches, while
 * `007` or `2.0` stay text, as written.
 */
function canonicalNumbers(dictionary: readonly string[]): CanonicalNumbers {
  const values = new Float64Array(dictionary.length);
  const isNumber = new Uint8Array(dictionary.length);
  for (let code = 0; code < dictionary.length; code++) {
    const text = dictionary[code]!;
    const value = Number(text);
    if (text !== '' && String(value) === text) {
      values[code] = value;
      isNumber[code] = 1;
    }
  }
  return { values, isNumber };
}

export const uniqueSchema = check(
  'unique',
  'No value (or combination of values) repeats; rows with a missing key part never count as duplicates.',
  {
    column: column.optional().describe('The column whose values must be unique.'),
    columns: columnList.optional().describe('Columns forming a compound key that must be unique.'),
  },
).refine((c) => (c.column === undefined) !== (c.columns === undefined), {
  message: 'needs either "column" or "columns" (a compound key), not both',
});

export const uniqueKind = checkKind(uniqueSchema, {
  create: (check, maxExamples) => new UniqueCheck(check, maxExamples),
});
