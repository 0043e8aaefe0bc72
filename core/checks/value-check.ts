import type { Batch, ColumnChunk } from '../data/types.js';
import { ExampleList, type CheckAccumulator, type CheckOutcome, type NotApplicable } from './accumulator.js';
import { chunkValue } from './chunk-value.js';
import { describeUnexpected, formatCount, percentOf } from './describe.js';
import { NumericReader, VALUE, WRONG_TYPE, type NumericDomain } from './numeric-reader.js';
import { StringEvaluator } from './string-evaluator.js';

/** Per-row verdicts of a value check. */
const MISSING = 0;
const PASSES = 1;
const FAILS = 2;
const NOT_OF_TYPE = 3;

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
  test(value: number): boolean;
  /** Sees every value of the domain (to summarise what was observed). */
  seen?(value: number): void;
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
  private verdicts = new Uint8Array(0);
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

  add(batch: Batch, chunks: readonly ColumnChunk[]): void {
    const chunk = chunks[0]!;
    const verdicts = this.judge(chunk);
    let checked = 0;
    let failed = 0;
    let notOfType = 0;
    for (let i = 0; i < verdicts.length; i++) {
      const verdict = verdicts[i]!;
      if (verdict === MISSING) continue;
      checked++;
      if (verdict === PASSES) continue;
      if (verdict === NOT_OF_TYPE) notOfType++;
      else failed++;
      if (!this.examples.full) this.examples.add(batch, i, chunkValue(chunk, i));
    }
    this.checked += checked;
    this.failed += failed;
    this.notOfType += notOfType;
  }

  private judge(chunk: ColumnChunk): Uint8Array {
    if (this.texts) {
      // The evaluator's verdicts share our codes: MISSING, PASS = PASSES, FAIL = FAILS.
      return this.texts.evaluate(chunk);
    }
    const rule = this.rule as NumericRule;
    const { values, state } = this.numbers!.read(chunk);
    const n = state.length;
    if (this.verdicts.length < n) this.verdicts = new Uint8Array(n);
    const verdicts = this.verdicts.subarray(0, n);
    const seen = rule.seen;
    for (let i = 0; i < n; i++) {
      const s = state[i]!;
      if (s === VALUE) {
        const value = values[i]!;
        if (seen) seen(value);
        verdicts[i] = rule.test(value) ? PASSES : FAILS;
      } else verdicts[i] = s === WRONG_TYPE ? NOT_OF_TYPE : MISSING;
    }
    return verdicts;
  }

  finish(): CheckOutcome | NotApplicable {
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
