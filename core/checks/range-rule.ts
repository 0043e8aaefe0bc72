import { timestampText } from './chunk-value.js';
import type { NumericDomain } from './numeric-reader.js';
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
  const domain: NumericDomain =
    typeof range.min === 'string' || typeof range.max === 'string' ? 'timestamp' : 'number';
  const lo = toNumber(range.min);
  const hi = toNumber(range.max);
  let seenMin = Infinity;
  let seenMax = -Infinity;
  const show = (v: number) => (domain === 'timestamp' ? timestampText(v) : v);
  const hasValues = () => seenMin <= seenMax;
  return {
    domain,
    mostly: range.mostly,
    failure: failurePhrase(range),
    passing: passingPhrase(range),
    test: (v) =>
      (lo === undefined || (range.strictMin ? v > lo : v >= lo)) &&
      (hi === undefined || (range.strictMax ? v < hi : v <= hi)),
    seen: (v) => {
      if (v < seenMin) seenMin = v;
      if (v > seenMax) seenMax = v;
    },
    observed: () => {
      if (!hasValues()) return null;
      if (observe === 'min') return show(seenMin);
      if (observe === 'max') return show(seenMax);
      return { min: show(seenMin), max: show(seenMax) };
    },
  };
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
