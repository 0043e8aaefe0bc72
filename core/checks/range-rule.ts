import { timestampText } from './chunk-value.js';
import { VALUE, type NumericDomain } from './numeric-reader.js';
import { parseTimestamp } from '../data/parse-timestamp.js';
import type { NumericRule } from './value-check.js';

export interface Range {
  min?: number | string;
  max?: number | string;
  strictMin: boolean;
  strictMax: boolean;
  mostly: number;
}

/**
 * The rule of min, max and between: bounds given as ISO timestamps compare instants (the column
 * must hold timestamps), numeric bounds compare numbers. NaN is never within a range.
 */
export function rangeRule(range: Range, observe: 'min' | 'max' | 'both'): NumericRule {
  return new RangeRule(range, observe);
}

// A class, not a closure: every range check then shares one `judge` whose hot loop V8 optimizes
// once (closures made per check kept their loops unoptimized, boxing each double they touched).
class RangeRule implements NumericRule {
  readonly domain: NumericDomain;
  readonly mostly: number;
  readonly failure: string;
  readonly passing: string;
  private readonly low: number;
  private readonly high: number;
  private readonly strictMin: boolean;
  private readonly strictMax: boolean;
  private seenMin = Infinity;
  private seenMax = -Infinity;

  constructor(
    range: Range,
    private readonly observe: 'min' | 'max' | 'both',
  ) {
    this.domain = typeof range.min === 'string' || typeof range.max === 'string' ? 'timestamp' : 'number';
    this.mostly = range.mostly;
    this.failure = failurePhrase(range);
    this.passing = passingPhrase(range);
    this.low = toNumber(range.min) ?? -Infinity;
    this.high = toNumber(range.max) ?? Infinity;
    this.strictMin = range.strictMin;
    this.strictMax = range.strictMax;
  }

  judge(values: Float64Array, state: Uint8Array, fails: Uint8Array): number {
    // NaN fails every comparison, so it is never within the range and never the min or max.
    const { low, high, strictMin, strictMax } = this;
    let min = this.seenMin;
    let max = this.seenMax;
    let failed = 0;
    for (let i = 0; i < state.length; i++) {
      if (state[i] !== VALUE) continue;
      const v = values[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      const within = (strictMin ? v > low : v >= low) && (strictMax ? v < high : v <= high);
      fails[i] = within ? 0 : 1;
      failed += within ? 0 : 1;
    }
    this.seenMin = min;
    this.seenMax = max;
    return failed;
  }

  observed(): unknown {
    if (this.seenMin > this.seenMax) return null;
    const show = (v: number) => (this.domain === 'timestamp' ? timestampText(v) : v);
    if (this.observe === 'min') return show(this.seenMin);
    if (this.observe === 'max') return show(this.seenMax);
    return { min: show(this.seenMin), max: show(this.seenMax) };
  }
}

function toNumber(bound: number | string | undefined): number | undefined {
  return typeof bound === 'string' ? parseTimestamp(bound) : bound;
}

function failurePhrase({ min, max, strictMin, strictMax }: Range): string {
  if (min !== undefined && max !== undefined)
    return `are outside ${interval({ min, max, strictMin, strictMax })}`;
  if (min !== undefined) return strictMin ? `are not above ${min}` : `are below ${min}`;
  return strictMax ? `are not below ${max}` : `are above ${max}`;
}

function passingPhrase({ min, max, strictMin, strictMax }: Range): string {
  if (min !== undefined && max !== undefined)
    return `are within ${interval({ min, max, strictMin, strictMax })}`;
  if (min !== undefined) return strictMin ? `are above ${min}` : `are at least ${min}`;
  return strictMax ? `are below ${max}` : `are at most ${max}`;
}

/** `[0, 1]`, `(0, 1]`… */
function interval(r: { min: number | string; max: number | string; strictMin: boolean; strictMax: boolean }) {
  return `${r.strictMin ? '(' : '['}${r.min}, ${r.max}${r.strictMax ? ')' : ']'}`;
}
