import type { Batch, ColumnChunk } from '../data/types.js';
import { ExampleList, type NotApplicable } from './accumulator.js';
import { chunkValue } from './chunk-value.js';
import { describeUnexpected } from './describe.js';
import { NumericReader, VALUE, WRONG_TYPE, type NumericDomain } from './numeric-reader.js';

/** Receives a chunk's numbers, `values[0, count)`, never NaN (CompactNumbers is one). */
export interface NumberSink {
  pushAll(values: Float64Array, count: number): void;
}

/**
 * The shared intake of the statistics checks (mean, std, median, quantile, freshness): hands the
 * numbers of each chunk to its sink at once (so each statistic runs one tight loop per chunk, not a
 * call per value), skips NaN like pandas does, and keeps the values that are not numbers at all as
 * failures with their rows.
 */
export class NumericColumn {
  private readonly reader: NumericReader;
  readonly examples: ExampleList;
  notOfType = 0;
  present = 0;
  private numbers = new Float64Array(0);

  constructor(
    readonly domain: NumericDomain,
    maxExamples: number,
    private readonly sink: NumberSink,
  ) {
    this.reader = new NumericReader(domain);
    this.examples = new ExampleList(maxExamples);
  }

  add(batch: Batch, chunk: ColumnChunk): void {
    const { values, state, wrongType } = this.reader.read(chunk);
    const n = state.length;
    if (this.numbers.length < n) this.numbers = new Float64Array(n);
    const numbers = this.numbers;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      // Copy first, keep only if a number: no branch the optimizer has not seen.
      numbers[count] = value;
      count += state[i] === VALUE && value === value ? 1 : 0;
    }
    if (count > 0) this.sink.pushAll(numbers, count);
    this.present += n - chunk.nullCount;
    if (wrongType > 0) {
      this.notOfType += wrongType;
      for (let i = 0; i < n && !this.examples.full; i++)
        if (state[i] === WRONG_TYPE) this.examples.add(batch, i, chunkValue(chunk, i));
    }
  }

  /** The column is entirely of another kind (a mean of text): the checks file is at fault. */
  notApplicable(): NotApplicable | undefined {
    const bigInteger = this.reader.bigIntegerProblem();
    if (bigInteger) return bigInteger;
    if (this.notOfType === 0 || this.notOfType < this.present) return undefined;
    const kind = this.domain === 'timestamp' ? 'timestamps' : 'numbers';
    return {
      notApplicable: {
        field: 'column',
        message: `the column holds no ${kind} (e.g. ${JSON.stringify(this.examples.items[0]?.value)}), so this check cannot apply to it`,
      },
    };
  }

  /** `; 3 of 1,000 values (0.3%) are not numbers, e.g. row 5 (line 6): "N/A"`, or ''. */
  strayNote(): string {
    if (this.notOfType === 0) return '';
    const kind = this.domain === 'timestamp' ? 'timestamps' : 'numbers';
    return `; ${describeUnexpected(this.notOfType, this.present, `are not ${kind}`, this.examples.items)}`;
  }
}
