import type { ColumnChunk } from '../data/types.js';
import { chunkText } from './chunk-value.js';
import { MISSING, VALUE, WRONG_TYPE } from './numeric-reader.js';

/** Per row: MISSING, VALUE (passes) or WRONG_TYPE reused as "fails". */
export const PASS = VALUE;
export const FAIL = WRONG_TYPE;

/**
 * Applies a test on text to every row of a chunk. Dictionary-encoded text is tested once per
 * distinct entry (a regex over a million rows of 12 categories runs 12 times); other chunks are
 * read as text row by row, so a regex also applies to a column that came as numbers.
 */
export class StringEvaluator {
  private state = new Uint8Array(0);
  private dictionary: readonly string[] | undefined;
  private results = new Uint8Array(0);
  private evaluated = 0;

  /** `seen` is called once per distinct dictionary entry (or per row for non-text chunks). */
  constructor(
    private readonly test: (text: string) => boolean,
    private readonly seen: (text: string, passed: boolean) => void = () => {},
  ) {}

  evaluate(chunk: ColumnChunk): Uint8Array {
    const n = chunk.valid.length;
    if (this.state.length < n) this.state = new Uint8Array(n);
    const state = this.state.subarray(0, n);
    const valid = chunk.valid;
    if (chunk.type === 'string') {
      this.evaluateDictionary(chunk.dictionary);
      const codes = chunk.codes;
      const results = this.results;
      for (let i = 0; i < n; i++) state[i] = valid[i] === 1 ? results[codes[i]!]! : MISSING;
      return state;
    }
    for (let i = 0; i < n; i++) {
      if (valid[i] !== 1) {
        state[i] = MISSING;
        continue;
      }
      const text = chunkText(chunk, i);
      const passed = this.test(text);
      this.seen(text, passed);
      state[i] = passed ? PASS : FAIL;
    }
    return state;
  }

  private evaluateDictionary(dictionary: readonly string[]): void {
    if (dictionary !== this.dictionary) {
      this.dictionary = dictionary;
      this.evaluated = 0;
    }
    if (this.results.length < dictionary.length) {
      const results = new Uint8Array(Math.max(dictionary.length, this.results.length * 2));
      results.set(this.results.subarray(0, this.evaluated));
      this.results = results;
    }
    for (let code = this.evaluated; code < dictionary.length; code++) {
      const text = dictionary[code]!;
      const passed = this.test(text);
      this.seen(text, passed);
      this.results[code] = passed ? PASS : FAIL;
    }
    this.evaluated = dictionary.length;
  }
}
