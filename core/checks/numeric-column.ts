import type { Batch, ColumnChunk } from '../data/types.js';
import { ExampleList, type NotApplicable } from './accumulator.js';
import { chunkValue } from './chunk-value.js';
import { describeUnexpected } from './describe.js';
import { NumericReader, VALUE, WRONG_TYPE, type NumericDomain } from './numeric-reader.js';

/**
 * The shared intake of the statistics checks (mean, std, median, quantile, freshness): hands every
 * number of the column to `take`, skips NaN like pandas does, and keeps the values that are not
 * numbers at all as failures with their rows.
 */
export class NumericColumn {
  private readonly reader: NumericReader;
  readonly examples: ExampleList;
  notOfType = 0;
  present = 0;

  constructor(
    readonly domain: NumericDomain,
    maxExamples: number,
    private readonly take: (value: number) => void,
  ) {
    this.reader = new NumericReader(domain);
    this.examples = new ExampleList(maxExamples);
  }

  add(batch: Batch, chunk: ColumnChunk): void {
    const { values, state } = this.reader.read(chunk);
    const take = this.take;
    for (let i = 0; i < state.length; i++) {
      const s = state[i]!;
      if (s === VALUE) {
        const value = values[i]!;
        if (value === value) take(value);
      } else if (s === WRONG_TYPE) {
        this.notOfType++;
        this.examples.add(batch, i, chunkValue(chunk, i));
      }
    }
    this.present += chunk.valid.length - chunk.nullCount;
  }

  /** The column is entirely of another kind (a mean of text): the checks file is at fault. */
  notApplicable(): NotApplicable | undefined {
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
