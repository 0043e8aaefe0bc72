import { parseTimestamp } from '../parse-timestamp.js';
import type { ColumnChunk, ColumnType } from '../types.js';
import { StringDictionary } from '../chunks/string-dictionary.js';

/** A value that does not fit the column's type: its row index in the batch and the value. */
export type Misfit = (index: number, value: unknown) => never;

const isMissing = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/**
 * The narrowest type that fits every non-missing value of a batch of already-parsed values (JSON,
 * Parquet): integer, float, boolean, timestamp (Dates, and ISO strings when `timestampsFromText`),
 * else string. Undefined when every value is missing.
 */
export function inferValuesType(
  values: ArrayLike<unknown>,
  timestampsFromText: boolean,
): ColumnType | undefined {
  let type: ColumnType | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    let t: ColumnType;
    if (typeof v === 'number')
      t = Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? 'integer' : 'float';
    else if (typeof v === 'bigint')
      t = v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? 'integer' : 'float';
    else if (typeof v === 'boolean') t = 'boolean';
    else if (v instanceof Date) t = 'timestamp';
    else if (typeof v === 'string' && timestampsFromText && parseTimestamp(v) !== undefined) t = 'timestamp';
    else return 'string';
    if (type === undefined || type === t) type = t;
    else if ((type === 'integer' && t === 'float') || (type === 'float' && t === 'integer')) type = 'float';
    else return 'string';
  }
  return type;
}

/** Text of a parsed value in a string column: numbers as `String(n)`, objects as JSON, dates as ISO. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object')
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

/** Converts parsed values into a chunk of `type`; a value that cannot be one goes to `misfit`. */
export function valuesToChunk(values: ArrayLike<unknown>, type: ColumnType, misfit: Misfit): ColumnChunk {
  const rows = values.length;
  const valid = new Uint8Array(rows);
  let nullCount = 0;
  if (type === 'string') {
    const dictionary = new StringDictionary();
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (isMissing(v)) {
        nullCount++;
        continue;
      }
      codes[i] = dictionary.encodeText(valueText(v));
      valid[i] = 1;
    }
    return { type, codes, dictionary: dictionary.values, valid, nullCount };
  }
  const numbers = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (isMissing(v)) {
      nullCount++;
      continue;
    }
    const x = toNumber(v, type);
    if (x === undefined) misfit(i, v);
    numbers[i] = x;
    valid[i] = 1;
  }
  return { type, values: numbers, valid, nullCount };
}

function toNumber(v: unknown, type: ColumnType): number | undefined {
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean' ? Number(v) : undefined;
    case 'timestamp':
      if (v instanceof Date) return v.getTime();
      if (typeof v === 'string') return parseTimestamp(v);
      return typeof v === 'number' ? v : undefined;
    default: {
      if (
        typeof v === 'bigint' &&
        (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
      ) {
        return type === 'float' ? Number(v) : undefined;
      }
      if (typeof v === 'string') return numberOfText(v, type);
      const x = typeof v === 'number' || typeof v === 'bigint' ? Number(v) : NaN;
      if (Number.isNaN(x)) return undefined;
      return type === 'integer' && !Number.isInteger(x) ? undefined : x;
    }
  }
}

/** A decimal number as data files write it, as the CSV reader reads one; not `0x1F`, `1_000` or ``. */
const DECIMAL_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/**
 * Text forced to a numeric type. Number() alone reads `0x1F` as 31 and `0b1` as 1, and rounds an
 * integer beyond ±2^53 that an integer column would then claim to hold exactly.
 */
function numberOfText(text: string, type: ColumnType): number | undefined {
  if (!DECIMAL_TEXT.test(text)) return undefined;
  const x = Number(text);
  if (type !== 'integer') return x;
  return Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER ? x : undefined;
}
