import { UserError } from '../../errors.js';
import { checkTextFormat } from '../check-text-format.js';
import { ByteBuffer } from '../chunks/byte-buffer.js';
import { ColumnState } from '../infer/column-state.js';
import { inferValuesType, valuesToChunk } from '../infer/values-to-chunk.js';
import type { Batch, ColumnChunk, DataStream, FileReader, OpenOptions } from '../types.js';
import { quoteBigIntegers } from './quote-big-integers.js';

const DEFAULT_BATCH_ROWS = 65_536;
const LF = 10;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ParsedBatch {
  rows: Record<string, unknown>[];
  lines: number[];
}

/**
 * JSON Lines: one object per line, blank lines skipped. The columns are the keys in order of first
 * appearance within the first batch; nested objects and arrays are kept as their JSON text.
 */
export const readJsonl: FileReader = async (file, options) => {
  const first = await openJsonl(file.name, file.stream(), options);
  let used = false;
  return {
    schema: { names: first.names },
    batches() {
      const pass = used ? openJsonl(file.name, file.stream(), options) : Promise.resolve(first);
      used = true;
      return { [Symbol.asyncIterator]: () => streamBatches(pass, options) };
    },
  } satisfies DataStream;
};

class LineReader {
  line = 0;
  constructor(
    private readonly buffer: ByteBuffer,
    private readonly file: string,
  ) {}

  /** Up to `max` parsed objects with their line numbers; fewer only at the end of the file. */
  async next(max: number): Promise<ParsedBatch> {
    const batch: ParsedBatch = { rows: [], lines: [] };
    const { buffer } = this;
    while (batch.rows.length < max) {
      let end = buffer.bytes.indexOf(LF, buffer.pos);
      if (end === -1 || end >= buffer.end) {
        if (!buffer.eof) {
          await buffer.fill();
          continue;
        }
        if (buffer.pos === buffer.end) break;
        end = buffer.end;
      }
      this.line++;
      let stop = end;
      if (stop > buffer.pos && buffer.bytes[stop - 1] === 13) stop--;
      const start = buffer.pos;
      buffer.pos = Math.min(end + 1, buffer.end);
      if (isBlank(buffer.bytes, start, stop)) continue;
      batch.rows.push(this.parse(buffer.bytes.subarray(start, stop)));
      batch.lines.push(this.line);
    }
    return batch;
  }

  private parse(bytes: Uint8Array): Record<string, unknown> {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new UserError('data', 'invalid UTF-8 text: save the file as UTF-8', {
        file: this.file,
        line: this.line,
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(quoteBigIntegers(text));
    } catch (error) {
      const detail =
        error instanceof Error ? error.message.replace(/^Unexpected/, 'unexpected') : String(error);
      throw new UserError('data', `not valid JSON (${detail})`, { file: this.file, line: this.line });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError('data', 'each line must be a JSON object ({"column": value, …})', {
        file: this.file,
        line: this.line,
      });
    }
    return value as Record<string, unknown>;
  }
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b !== 32 && b !== 9 && b !== 13) return false;
  }
  return true;
}

interface OpenJsonl {
  names: string[];
  reader: LineReader;
  buffer: ByteBuffer;
  first: ParsedBatch;
  file: string;
}

async function openJsonl(
  file: string,
  source: AsyncIterable<Uint8Array>,
  options: OpenOptions,
): Promise<OpenJsonl> {
  const buffer = new ByteBuffer(source);
  await buffer.fill();
  checkTextFormat(buffer.bytes, buffer.end, file, 'JSON Lines');
  const reader = new LineReader(buffer, file);
  const first = await reader.next(options.batchRows ?? DEFAULT_BATCH_ROWS);
  if (first.rows.length === 0)
    throw new UserError('data', 'the file has no rows: expected one JSON object per line', { file });
  const names = new Set<string>();
  for (const row of first.rows) for (const key of Object.keys(row)) names.add(key);
  return { names: [...names], reader, buffer, first, file };
}

async function* streamBatches(pass: Promise<OpenJsonl>, options: OpenOptions): AsyncGenerator<Batch> {
  const open = await pass;
  const { names, file } = open;
  const known = new Set(names);
  const decoded = options.columns === undefined ? undefined : new Set(options.columns);
  const states = names.map(
    (name) => new ColumnState(name, decoded === undefined || decoded.has(name), options.columnTypes),
  );
  let batch = open.first;
  let rowOffset = 0;
  try {
    while (batch.rows.length > 0) {
      for (const [i, row] of batch.rows.entries()) {
        for (const key of Object.keys(row)) {
          if (!known.has(key)) {
            throw new UserError(
              'data',
              `key "${key}" first appears here, after the first rows fixed the columns: include it (null is fine) in the first rows`,
              { file, line: batch.lines[i]!, field: key },
            );
          }
        }
      }
      const columns = states.map((state) => columnChunk(batch, state, file));
      yield {
        source: file,
        rowOffset,
        length: batch.rows.length,
        lines: Float64Array.from(batch.lines),
        columns,
      };
      rowOffset += batch.rows.length;
      batch = await open.reader.next(options.batchRows ?? DEFAULT_BATCH_ROWS);
    }
  } finally {
    await open.buffer.close();
  }
}

function columnChunk(batch: ParsedBatch, state: ColumnState, file: string): ColumnChunk {
  const rows = batch.rows.length;
  if (!state.decode)
    return valuesToChunk(new Array<unknown>(rows), state.type ?? 'string', () => undefined as never);
  // Own keys only: a row without a `constructor` key must read as missing, not as Object's member.
  const name = state.name;
  const values = batch.rows.map((row) => (Object.hasOwn(row, name) ? row[name] : undefined));
  const type = state.forced ?? state.settle(inferValuesType(values, true));
  return valuesToChunk(values, type, (i, value) => {
    throw new UserError(
      'data',
      `${JSON.stringify(value)} is not ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}, the type set for this column`,
      {
        file,
        line: batch.lines[i]!,
        field: state.name,
      },
    );
  });
}
