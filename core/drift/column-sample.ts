import type { ColumnChunk, ColumnType, DataStream } from '../data/types.js';
import { widenType } from '../data/types.js';
import { CompactNumbers } from '../numeric/compact-numbers.js';
import { NumericValues } from './numeric-values.js';

/**
 * What the drift engine keeps of one column of one side: its values without missing and infinite
 * ones — numbers in a Float64Array for numeric columns, counts per category for text and booleans.
 * Never the rows themselves, so a million-row column costs 4–8 MB and a categorical one almost nothing.
 */
export interface ColumnSample {
  name: string;
  dataType: ColumnType;
  rows: number;
  /** Missing or infinite values, dropped. */
  missing: number;
  /** Finite values of a numeric (integer, float, timestamp) column, kept compactly (see CompactNumbers). */
  numbers?: NumericValues;
  /** Category → count for string and boolean columns (and numbers read as text). */
  categories?: Map<string, number>;
}

/** A sample that crossed threads by structured clone: its numbers become a NumericValues again. */
export function reviveSample(plain: ColumnSample): ColumnSample {
  return plain.numbers ? { ...plain, numbers: NumericValues.revive(plain.numbers) } : plain;
}

class SampleBuilder {
  type: ColumnType | undefined;
  rows = 0;
  missing = 0;
  numbers: CompactNumbers | undefined = new CompactNumbers();
  categories: Map<string, number> | undefined;

  constructor(readonly name: string) {}

  /** Text and numbers mixed: from here on everything counts as a category, earlier numbers too. */
  private toCategories(): Map<string, number> {
    if (this.categories) return this.categories;
    const categories = new Map<string, number>();
    if (this.numbers) {
      const { values, scale } = this.numbers.take();
      for (const m of values) categories.set(String(m / scale), (categories.get(String(m / scale)) ?? 0) + 1);
      this.numbers = undefined;
    }
    this.categories = categories;
    return categories;
  }

  add(chunk: ColumnChunk, length: number): void {
    this.rows += length;
    if (chunk.nullCount === length) {
      this.missing += length;
      return;
    }
    this.type = this.type === undefined ? chunk.type : widenType(this.type, chunk.type);
    if (chunk.type === 'string' || chunk.type === 'boolean' || this.type === 'string') {
      const categories = this.toCategories();
      if (chunk.type === 'string') {
        const counts = new Float64Array(chunk.dictionary.length);
        for (let i = 0; i < length; i++) if (chunk.valid[i]) counts[chunk.codes[i]!]!++;
        chunk.dictionary.forEach((label, code) => {
          if (counts[code]! > 0) categories.set(label, (categories.get(label) ?? 0) + counts[code]!);
        });
        this.missing += chunk.nullCount;
        return;
      }
      for (let i = 0; i < length; i++) {
        if (!chunk.valid[i]) {
          this.missing++;
          continue;
        }
        const x = chunk.values[i]!;
        const label =
          chunk.type === 'boolean'
            ? x
              ? 'true'
              : 'false'
            : chunk.type === 'timestamp'
              ? new Date(x).toISOString()
              : String(x);
        categories.set(label, (categories.get(label) ?? 0) + 1);
      }
      return;
    }
    const numbers = this.numbers!;
    const { values, valid } = chunk;
    for (let i = 0; i < length; i++) {
      const x = values[i]!;
      if (valid[i] && x - x === 0) numbers.push(x);
      else this.missing++;
    }
  }

  finish(): ColumnSample {
    const sample: ColumnSample = {
      name: this.name,
      dataType: this.type ?? 'string',
      rows: this.rows,
      missing: this.missing,
    };
    if (this.categories) sample.categories = this.categories;
    else if (this.type === 'boolean') sample.categories = new Map();
    else if (this.numbers && this.type !== undefined) sample.numbers = NumericValues.from(this.numbers);
    else sample.categories = new Map();
    return sample;
  }
}

/** One pass over a stream, keeping a sample of each wanted column (all by default). */
export async function collectSamples(
  stream: DataStream,
  columns?: ReadonlySet<string>,
): Promise<{ samples: Map<string, ColumnSample>; rows: number }> {
  const names = stream.schema.names;
  const builders = names.map((name) =>
    columns === undefined || columns.has(name) ? new SampleBuilder(name) : undefined,
  );
  let rows = 0;
  for await (const batch of stream.batches()) {
    batch.columns.forEach((chunk, c) => builders[c]?.add(chunk, batch.length));
    rows += batch.length;
  }
  const samples = new Map<string, ColumnSample>();
  for (const builder of builders) if (builder) samples.set(builder.name, builder.finish());
  return { samples, rows };
}
