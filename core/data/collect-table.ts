import type { ColumnChunk, ColumnType, DataStream, NumericChunk, StringChunk, Table } from './types.js';
import { widenType } from './types.js';

/**
 * Reads a whole stream into one chunk per column (what the drift engine compares). Batches may
 * disagree on a column's type; the table takes the widened type. When a numeric column widens to
 * string, its earlier numbers become their shortest `String(n)` spelling — the original text
 * (`1.50`, `007`) is no longer known by then.
 */
export async function collectTable(stream: DataStream): Promise<Table> {
  const names = stream.schema.names;
  const parts: ColumnChunk[][] = names.map(() => []);
  let rowCount = 0;
  for await (const batch of stream.batches()) {
    batch.columns.forEach((chunk, c) => parts[c]!.push(chunk));
    rowCount += batch.length;
  }
  return { names, rowCount, columns: parts.map((chunks) => concatChunks(chunks, rowCount)) };
}

function tableType(chunks: ColumnChunk[]): ColumnType {
  let type: ColumnType | undefined;
  for (const chunk of chunks) {
    if (chunk.nullCount === chunk.valid.length) continue; // all missing: says nothing about the type
    type = type === undefined ? chunk.type : widenType(type, chunk.type);
  }
  return type ?? chunks[0]?.type ?? 'string';
}

export function concatChunks(chunks: ColumnChunk[], rows: number): ColumnChunk {
  const type = tableType(chunks);
  const valid = new Uint8Array(rows);
  let nullCount = 0;
  let at = 0;
  for (const chunk of chunks) {
    valid.set(chunk.valid, at);
    nullCount += chunk.nullCount;
    at += chunk.valid.length;
  }
  if (type !== 'string') {
    const values = new Float64Array(rows);
    at = 0;
    for (const chunk of chunks) {
      if (chunk.type !== 'string') values.set(chunk.values, at);
      at += chunk.valid.length;
    }
    return { type, values, valid, nullCount };
  }
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(rows);
  const encode = (text: string) => {
    let code = codeOf.get(text);
    if (code === undefined) {
      code = dictionary.push(text) - 1;
      codeOf.set(text, code);
    }
    return code;
  };
  at = 0;
  for (const chunk of chunks) {
    if (chunk.type === 'string') {
      const remap = Int32Array.from(chunk.dictionary, encode);
      for (let i = 0; i < chunk.codes.length; i++)
        if (chunk.valid[i]) codes[at + i] = remap[chunk.codes[i]!]!;
    } else {
      for (let i = 0; i < chunk.values.length; i++)
        if (chunk.valid[i]) codes[at + i] = encode(textOf(chunk, i));
    }
    at += chunk.valid.length;
  }
  return { type: 'string', codes, dictionary, valid, nullCount } satisfies StringChunk;
}

function textOf(chunk: NumericChunk, i: number): string {
  const value = chunk.values[i]!;
  if (chunk.type === 'boolean') return value ? 'true' : 'false';
  if (chunk.type === 'timestamp') return new Date(value).toISOString();
  return String(value);
}
