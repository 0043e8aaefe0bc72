import type { ColumnChunk } from '../data/types.js';
import { parseTimestamp } from '../data/parse-timestamp.js';
import type { NotApplicable } from './accumulator.js';

/** The kind of numbers a check compares: plain numbers, or instants (ms since the epoch). */
export type NumericDomain = 'number' | 'timestamp';

export const MISSING = 0;
export const VALUE = 1;
/** Present, but not of the domain (text in a numeric column, a number where a timestamp belongs). */
export const WRONG_TYPE = 2;

export interface NumericView {
  /** The number of each row whose state is VALUE. */
  values: Float64Array;
  /** Per row: MISSING, VALUE or WRONG_TYPE. */
  state: Uint8Array;
  /** How many rows are WRONG_TYPE. */
  wrongType: number;
}

/**
 * Reads a chunk as numbers of one domain. A batch that arrived as text (a stray "N/A" widened the
 * column to string) is parsed entry by entry of its dictionary, so the numbers in it still count and
 * only the stray values are flagged. Buffers are reused across batches.
 */
export class NumericReader {
  private values = new Float64Array(0);
  private state = new Uint8Array(0);
  private dictionary: readonly string[] | undefined;
  private parsed = new Float64Array(0);
  private parsedOk = new Uint8Array(0);
  private parsedCount = 0;
  /** The first integer beyond ±2^53 met as text (readers keep such integers as text). */
  private bigInteger: string | undefined;

  constructor(readonly domain: NumericDomain) {}

  /**
   * The check cannot judge a column holding integers beyond ±2^53: as doubles they would be rounded
   * (…993 passes `max: …992`), and a wrong verdict is worse than none. Text checks still apply.
   */
  bigIntegerProblem(): NotApplicable | undefined {
    if (this.bigInteger === undefined) return undefined;
    return {
      notApplicable: {
        field: 'column',
        message: `the column holds integers beyond ±2^53 (e.g. ${JSON.stringify(this.bigInteger)}), which cannot be compared as numbers without rounding, so this check cannot apply to it; they are read as text: check them with unique, allowed-values (as strings), regex or string-length`,
      },
    };
  }

  read(chunk: ColumnChunk): NumericView {
    const n = chunk.valid.length;
    if (chunk.type !== 'string' && this.accepts(chunk.type)) {
      // Zero copy: `valid` is already 0 (MISSING) or 1 (VALUE).
      return { values: chunk.values, state: chunk.valid, wrongType: 0 };
    }
    if (this.state.length < n) {
      this.values = new Float64Array(n);
      this.state = new Uint8Array(n);
    }
    const values = this.values.subarray(0, n);
    const state = this.state.subarray(0, n);
    const valid = chunk.valid;
    if (chunk.type !== 'string') {
      for (let i = 0; i < n; i++) state[i] = valid[i] === 1 ? WRONG_TYPE : MISSING;
      return { values, state, wrongType: n - chunk.nullCount };
    }
    this.parseDictionary(chunk.dictionary);
    const codes = chunk.codes;
    let wrongType = 0;
    for (let i = 0; i < n; i++) {
      if (valid[i] !== 1) {
        state[i] = MISSING;
        continue;
      }
      const code = codes[i]!;
      if (this.parsedOk[code] === 1) {
        values[i] = this.parsed[code]!;
        state[i] = VALUE;
      } else {
        state[i] = WRONG_TYPE;
        wrongType++;
      }
    }
    return { values, state, wrongType };
  }

  private accepts(type: 'integer' | 'float' | 'boolean' | 'timestamp'): boolean {
    return this.domain === 'timestamp' ? type === 'timestamp' : type !== 'timestamp';
  }

  /** Parses only the entries not seen yet: readers may grow one dictionary across batches. */
  private parseDictionary(dictionary: readonly string[]): void {
    if (dictionary !== this.dictionary) {
      this.dictionary = dictionary;
      this.parsedCount = 0;
    }
    if (this.parsed.length < dictionary.length) {
      const size = Math.max(dictionary.length, this.parsed.length * 2);
      const parsed = new Float64Array(size);
      const ok = new Uint8Array(size);
      parsed.set(this.parsed.subarray(0, this.parsedCount));
      ok.set(this.parsedOk.subarray(0, this.parsedCount));
      this.parsed = parsed;
      this.parsedOk = ok;
    }
    for (let code = this.parsedCount; code < dictionary.length; code++) {
      const text = dictionary[code]!;
      let value = this.domain === 'timestamp' ? parseTimestamp(text) : parseNumber(text);
      if (value !== undefined && this.domain === 'number' && isBigInteger(value, text)) {
        this.bigInteger ??= text.trim();
        value = undefined;
      }
      this.parsedOk[code] = value === undefined ? 0 : 1;
      this.parsed[code] = value ?? 0;
    }
    this.parsedCount = dictionary.length;
  }
}

/** A decimal number as data files write it (`12`, `-3.5e2`, `inf`, `NaN`); not `""`, `0x1F` or `1_000`. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  return undefined;
}

/** Digits only, beyond ±2^53: the text of an integer a double may not hold exactly. */
function isBigInteger(value: number, text: string): boolean {
  return Math.abs(value) > Number.MAX_SAFE_INTEGER && /^\s*[+-]?\d+\s*$/.test(text);
}
