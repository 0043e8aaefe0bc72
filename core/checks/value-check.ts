import type { Batch, ColumnChunk } from '../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome, type NotApplicable } from './accumulator.js';
import { chunkValue } from './chunk-value.js';
import { describeUnexpected, formatCount, percentOf } from './describe.js';
import { NumericReader, VALUE, WRONG_TYPE, type NumericDomain } from './numeric-reader.js';
import { FAIL, StringEvaluator } from './string-evaluator.js';

export interface ValueRule {
  /** What the rule says about a failing value: `are below 0`. */
  failure: string;
  /** What the rule says about passing values: `are at least 0`. */
  passing: string;
  mostly: number;
  /** The observed summary once the stream ends (default: the share of values that pass). */
  observed?(): unknown;
}

export interface NumericRule extends ValueRule {
  domain: NumericDomain;
  /**
   * Judges a chunk at once (one loop, not a call per value): for every row whose state is VALUE,
   * sets `fails[i]` to 1 when the value breaks the rule and to 0 when it passes, and sees the value.
   * Returns how many values fail.
   */
  judge(values: Float64Array, state: Uint8Array, fails: Uint8Array): number;
}

export interface TextRule extends ValueRule {
  test(text: string): boolean;
  /** Sees each distinct text (at least once) and its verdict. */
  seen?(text: string, passed: boolean): void;
}

/**
 * The shared engine of the checks that judge every value (min, max, between, allowed-values, regex,
 * string-length): counts, the first failing examples, and `mostly`. Values that are not even of the
 * rule's type (text in a numeric column) fail too and are named as such, never a crash.
 */
export class ValueCheck implements CheckAccumulator {
  private checked = 0;
  private failed = 0;
  private notOfType = 0;
  private readonly examples: ExampleList;
  private fails = new Uint8Array(0);
  private readonly numbers?: NumericReader;
  private readonly texts?: StringEvaluator;

  constructor(
    private readonly rule: NumericRule | TextRule,
    maxExamples: number,
  ) {
    this.examples = new ExampleList(maxExamples);
    if ('domain' in rule) this.numbers = new NumericReader(rule.domain);
    else this.texts = new StringEvaluator(rule.test, rule.seen);
  }

  // The counting loops hold no rare branch: examples are gathered by a second loop, only when a
  // chunk has failures and the list has room. (A rare branch inside a hot loop keeps V8 leaving its
  // optimized code whenever the branch is first taken.)
  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    const chunk = chunks[0]!;
    if (this.texts) this.addTexts(batch, chunk);
    else this.addNumbers(batch, chunk);
  }

  private addTexts(batch: Batch, chunk: ColumnChunk): void {
    const verdicts = this.texts!.evaluate(chunk);
    let failed = 0;
    for (let i = 0; i < verdicts.length; i++) failed += verdicts[i] === FAIL ? 1 : 0;
    this.checked += chunk.valid.length - chunk.nullCount;
    this.failed += failed;
    if (failed > 0 && !this.examples.full) this.noteExamples(batch, chunk, verdicts, FAIL);
  }

  private addNumbers(batch: Batch, chunk: ColumnChunk): void {
    const { values, state, wrongType } = this.numbers!.read(chunk);
    if (this.fails.length < state.length) this.fails = new Uint8Array(state.length);
    const fails = this.fails;
    const failed = (this.rule as NumericRule).judge(values, state, fails);
    this.checked += chunk.valid.length - chunk.nullCount;
    this.failed += failed;
    this.notOfType += wrongType;
    if (failed + wrongType > 0 && !this.examples.full) {
      // judge() marks only the rows holding a value; the others keep an earlier batch's marks.
      // Values of another type are unexpected too, and listed in row order with the failing ones.
      for (let i = 0; i < state.length; i++)
        if (state[i] !== VALUE) fails[i] = state[i] === WRONG_TYPE ? 1 : 0;
      this.noteExamples(batch, chunk, fails, 1);
    }
  }

  /** The rows marked `mark`, in order, until the list is full. */
  private noteExamples(batch: Batch, chunk: ColumnChunk, marks: Uint8Array, mark: number): void {
    for (let i = 0; i < chunk.valid.length && !this.examples.full; i++)
      if (marks[i] === mark) this.examples.add(batch, i, chunkValue(chunk, i));
  }

  finish(): CheckOutcome | NotApplicable {
    const bigInteger = this.numbers?.bigIntegerProblem();
    if (bigInteger) return bigInteger;
    const unexpected = this.failed + this.notOfType;
    const numeric = 'domain' in this.rule;
    if (numeric && this.notOfType > 0 && this.notOfType === this.checked) {
      const kind = (this.rule as NumericRule).domain === 'timestamp' ? 'timestamps' : 'numbers';
      return {
        notApplicable: {
          field: 'column',
          message: `the column holds no ${kind} (e.g. ${JSON.stringify(this.examples.items[0]?.value)}), so this check cannot apply to it`,
        },
      };
    }
    const passed = this.checked - unexpected;
    const success = this.checked === 0 || passed / this.checked >= this.rule.mostly;
    const base = {
      success,
      observed: this.rule.observed ? this.rule.observed() : this.checked === 0 ? null : passed / this.checked,
      unexpectedCount: unexpected,
      unexpectedPercent: percentOf(unexpected, this.checked),
      examples: this.examples.items,
    };
    if (this.checked === 0) return { ...base, message: 'no non-missing values to check' };
    if (unexpected === 0) {
      const all = this.checked === 1 ? 'the only value' : `all ${formatCount(this.checked)} values`;
      return { ...base, message: `${all} ${this.rule.passing}` };
    }
    const kind = numeric && (this.rule as NumericRule).domain === 'timestamp' ? 'timestamps' : 'numbers';
    const what =
      this.notOfType === 0
        ? this.rule.failure
        : this.failed === 0
          ? `are not ${kind}`
          : `${this.rule.failure} or are not ${kind} (${formatCount(this.notOfType)})`;
    const tolerance = success ? `, within mostly ${this.rule.mostly}` : '';
    return {
      ...base,
      message: `${describeUnexpected(unexpected, this.checked, what, this.examples.items)}${tolerance}`,
    };
  }
}
