import { UserError } from '../../errors.js';
import type { ColumnState } from '../infer/column-state.js';
import type { MissingTokens } from '../infer/missing-tokens.js';
import {
  BIG_INTEGER,
  DECIMAL,
  NOT_A_NUMBER,
  parseNumberBytes,
  type NumberSlot,
} from '../infer/parse-number-bytes.js';
import { parseTimestampBytes } from '../infer/parse-timestamp-bytes.js';
import { decodeText, StringDictionary } from '../chunks/string-dictionary.js';
import type { ColumnChunk, ColumnType, NumericChunk, StringChunk } from '../types.js';
import type { CsvRecords } from './record-block.js';
import { unquoteField } from './unquote-field.js';

export interface DecodeContext {
  file: string;
  quote: number;
  missing: MissingTokens;
}

/**
 * Field `row` of column `col` as a byte range, unquoted when the tokenizer flagged it. A class with
 * plain fields rather than a returned object, so the hot loops allocate nothing per field.
 */
class FieldCursor {
  bytes: Uint8Array;
  start = 0;
  end = 0;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly quoted: Uint8Array;
  readonly first: number;
  private readonly base: number;
  private readonly source: Uint8Array;
  constructor(
    block: CsvRecords,
    col: number,
    private readonly quote: number,
  ) {
    this.starts = block.fieldStart;
    this.ends = block.fieldEnd;
    this.quoted = block.fieldQuoted;
    this.first = col * block.capacity;
    this.base = block.base;
    this.source = this.bytes = block.bytes;
  }
  at(row: number): void {
    const f = this.first + row;
    const start = this.starts[f]! - this.base;
    const end = this.ends[f]! - this.base;
    if (this.quoted[f] === 1) {
      this.bytes = unquoteField(this.source, start, end, this.quote);
      this.start = 0;
      this.end = this.bytes.length;
    } else {
      this.bytes = this.source;
      this.start = start;
      this.end = end;
    }
  }
}

/**
 * Decodes one column of a block of records into a typed chunk. The batch's type is the narrowest that
 * fits every non-missing value — integer, float, boolean, timestamp, else string — widened with what
 * earlier batches saw (see ColumnState). Each attempt stops at its first misfit, so a text column costs
 * one failed number parse, not a pass.
 */
export function decodeColumn(
  block: CsvRecords,
  col: number,
  state: ColumnState,
  ctx: DecodeContext,
): ColumnChunk {
  const rows = block.rows;
  if (!state.decode) return allMissing(rows, state.type ?? 'string');
  const cursor = new FieldCursor(block, col, ctx.quote);
  if (state.forced !== undefined) return decodeForced(cursor, block, state, ctx);

  const sticky = state.type;
  let chunk: ColumnChunk | undefined;
  if (sticky !== 'string') {
    if (sticky === undefined || sticky === 'integer' || sticky === 'float')
      chunk = decodeNumbers(block, cursor, rows, ctx);
    if (chunk === undefined && (sticky === undefined || sticky === 'boolean'))
      chunk = decodeBooleans(cursor, rows, ctx);
    if (chunk === undefined && (sticky === undefined || sticky === 'timestamp'))
      chunk = decodeTimestamps(cursor, rows, ctx);
  }
  if (chunk === undefined) {
    state.settle('string');
    return decodeStrings(cursor, rows, ctx, state.name, block);
  }
  const type = state.settle(chunk.nullCount === rows ? undefined : chunk.type);
  if (type === chunk.type) return chunk;
  if (type === 'float' && chunk.type === 'integer') return { ...chunk, type: 'float' };
  if (chunk.nullCount === rows) return allMissing(rows, type);
  return decodeStrings(cursor, rows, ctx, state.name, block);
}

function numericChunk(rows: number): NumericChunk {
  return { type: 'integer', values: new Float64Array(rows), valid: new Uint8Array(rows), nullCount: 0 };
}

function decodeNumbers(
  block: CsvRecords,
  cursor: FieldCursor,
  rows: number,
  ctx: DecodeContext,
): NumericChunk | undefined {
  const chunk = numericChunk(rows);
  const values = chunk.values;
  const valid = chunk.valid;
  const slot: NumberSlot = { value: 0 };
  const { fieldStart, fieldEnd, fieldQuoted, bytes, base } = block;
  const first = cursor.first;
  let decimal = false;
  let nulls = 0;
  for (let r = 0; r < rows; r++) {
    const f = first + r;
    // Most fields are plain decimals: read them here, in one loop with no call (the general case is
    // parseNumberBytes, which gives the same double).
    if (fieldQuoted[f] === 0) {
      const end = fieldEnd[f]! - base;
      let i = fieldStart[f]! - base;
      const negative = bytes[i] === 45 && i < end;
      if (negative) i++;
      const digitsStart = i;
      let mantissa = 0;
      for (; i < end; i++) {
        const d = bytes[i]! - 48;
        if (d < 0 || d > 9) break;
        mantissa = mantissa * 10 + d;
      }
      let fraction = 0;
      const point = i < end && bytes[i] === 46;
      if (point) {
        const fractionStart = ++i;
        for (; i < end; i++) {
          const d = bytes[i]! - 48;
          if (d < 0 || d > 9) break;
          mantissa = mantissa * 10 + d;
        }
        fraction = i - fractionStart;
      }
      const digits = i - digitsStart - (point ? 1 : 0);
      if (i === end && digits > 0 && digits <= PLAIN_DIGITS) {
        const magnitude = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
        values[r] = negative ? -magnitude : magnitude;
        valid[r] = 1;
        decimal ||= point;
        continue;
      }
    }
    cursor.at(r);
    const kind = parseNumberBytes(cursor.bytes, cursor.start, cursor.end, slot);
    if (kind === NOT_A_NUMBER) {
      if (!ctx.missing.matches(cursor.bytes, cursor.start, cursor.end)) return undefined;
      nulls++;
      continue;
    }
    // An integer beyond ±2^53 would be rounded (two distinct ids could become one): the column is
    // read as text instead, which keeps every digit, so `unique` and `allowed-values` stay exact and
    // numeric checks can say why they cannot compare it (see NumericReader).
    if (kind === BIG_INTEGER) return undefined;
    if (kind === DECIMAL) decimal = true;
    values[r] = slot.value;
    valid[r] = 1;
  }
  chunk.nullCount = nulls;
  if (decimal) chunk.type = 'float';
  return chunk;
}

/**
 * `-?digits[.digits]` with at most 15 digits in all is read exactly by one division of an exact
 * integer by an exact power of ten — what parseNumberBytes does for it too (Clinger's fast path).
 */
const PLAIN_DIGITS = 15;
const POW10 = new Float64Array(PLAIN_DIGITS + 1).map((_, k) => 10 ** k);

/** 1 for `true`, 0 for `false` (any letter case), else -1. */
function booleanOf(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 4) return sameLetters(bytes, start, TRUE) ? 1 : -1;
  if (length === 5) return sameLetters(bytes, start, FALSE) ? 0 : -1;
  return -1;
}

/**
 * Whether the bytes at `start` spell `word` (lower-case ASCII letters) in any case. Setting bit 0x20
 * lower-cases a letter but also maps other bytes onto letters (`W` and `w`, but also `@` to `` ` ``),
 * so each byte is compared with its letter, never summed into a code where `trw%` equals `true`.
 */
function sameLetters(bytes: Uint8Array, start: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) {
    const b = bytes[start + i]!;
    if (b !== word[i] && b !== word[i]! - 32) return false;
  }
  return true;
}
const TRUE = new TextEncoder().encode('true');
const FALSE = new TextEncoder().encode('false');

function decodeBooleans(cursor: FieldCursor, rows: number, ctx: DecodeContext): NumericChunk | undefined {
  const chunk = numericChunk(rows);
  chunk.type = 'boolean';
  for (let r = 0; r < rows; r++) {
    cursor.at(r);
    const { bytes, start, end } = cursor;
    const value = booleanOf(bytes, start, end);
    if (value < 0) {
      if (!ctx.missing.matches(bytes, start, end)) return undefined;
      chunk.nullCount++;
      continue;
    }
    chunk.values[r] = value;
    chunk.valid[r] = 1;
  }
  return chunk;
}

function decodeTimestamps(cursor: FieldCursor, rows: number, ctx: DecodeContext): NumericChunk | undefined {
  const chunk = numericChunk(rows);
  chunk.type = 'timestamp';
  for (let r = 0; r < rows; r++) {
    cursor.at(r);
    const { bytes, start, end } = cursor;
    const ms = parseTimestampBytes(bytes, start, end);
    if (Number.isNaN(ms)) {
      if (!ctx.missing.matches(bytes, start, end)) return undefined;
      chunk.nullCount++;
      continue;
    }
    chunk.values[r] = ms;
    chunk.valid[r] = 1;
  }
  return chunk;
}

function decodeStrings(
  cursor: FieldCursor,
  rows: number,
  ctx: DecodeContext,
  column: string,
  block: CsvRecords,
): StringChunk {
  const dictionary = new StringDictionary();
  const codes = new Int32Array(rows);
  const valid = new Uint8Array(rows);
  let nullCount = 0;
  for (let r = 0; r < rows; r++) {
    cursor.at(r);
    const { bytes, start, end } = cursor;
    if (ctx.missing.matches(bytes, start, end)) {
      nullCount++;
      continue;
    }
    try {
      codes[r] = dictionary.encode(bytes, start, end);
    } catch {
      throw new UserError(
        'data',
        'invalid UTF-8 text: save the file as UTF-8 (it may be Latin-1 or Windows-1252)',
        { file: ctx.file, line: block.lines[r]!, field: column },
      );
    }
    valid[r] = 1;
  }
  return { type: 'string', codes, dictionary: dictionary.values, valid, nullCount };
}

function allMissing(rows: number, type: ColumnType): ColumnChunk {
  const valid = new Uint8Array(rows);
  if (type === 'string') return { type, codes: new Int32Array(rows), dictionary: [], valid, nullCount: rows };
  return { type, values: new Float64Array(rows), valid, nullCount: rows };
}

/** A caller-forced type: every non-missing value must fit it. */
function decodeForced(
  cursor: FieldCursor,
  block: CsvRecords,
  state: ColumnState,
  ctx: DecodeContext,
): ColumnChunk {
  const type = state.forced!;
  const rows = block.rows;
  const bigInteger = (bytes: Uint8Array, start: number, end: number, line: number) =>
    new UserError(
      'data',
      `${decodeText(bytes, start, end).trim()} is beyond ±2^53, the largest integer read exactly: set the column's type to string to keep every digit`,
      { file: ctx.file, line, field: state.name },
    );
  if (type === 'string') return decodeStrings(cursor, rows, ctx, state.name, block);
  const chunk = numericChunk(rows);
  chunk.type = type;
  const slot: NumberSlot = { value: 0 };
  for (let r = 0; r < rows; r++) {
    cursor.at(r);
    const { bytes, start, end } = cursor;
    let value: number;
    if (type === 'boolean') value = booleanOf(bytes, start, end);
    else if (type === 'timestamp') value = parseTimestampBytes(bytes, start, end);
    else {
      const kind = parseNumberBytes(bytes, start, end, slot);
      // A float column is approximate by choice; an integer column must hold its integers exactly.
      if (type === 'integer' && kind === BIG_INTEGER) throw bigInteger(bytes, start, end, block.lines[r]!);
      value = kind === NOT_A_NUMBER || (type === 'integer' && kind === DECIMAL) ? NaN : slot.value;
    }
    if (Number.isNaN(value) || (type === 'boolean' && value < 0)) {
      if (ctx.missing.matches(bytes, start, end)) {
        chunk.nullCount++;
        continue;
      }
      const text = decodeText(bytes, start, Math.min(end, start + 80));
      throw new UserError('data', `"${text}" is not ${article(type)} ${type}, the type set for this column`, {
        file: ctx.file,
        line: block.lines[r]!,
        field: state.name,
      });
    }
    chunk.values[r] = value;
    chunk.valid[r] = 1;
  }
  return chunk;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? 'an' : 'a');
