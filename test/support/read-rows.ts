import type { ColumnChunk, DataStream } from '../../core/data/types.js';

export type ReadValue = number | string | boolean | null;

/** A chunk's value at `i` as plain JS: numbers, strings, booleans, ISO text for timestamps, null when missing. */
export function valueAt(chunk: ColumnChunk, i: number): ReadValue {
  if (!chunk.valid[i]) return null;
  if (chunk.type === 'string') return chunk.dictionary[chunk.codes[i]!]!;
  const value = chunk.values[i]!;
  if (chunk.type === 'boolean') return value === 1;
  if (chunk.type === 'timestamp') return new Date(value).toISOString();
  return value;
}

/** Every row of a stream as objects, plus each batch's column types and each row's source line. */
export async function readRows(stream: DataStream) {
  const rows: Record<string, ReadValue>[] = [];
  const lines: number[] = [];
  const types: string[][] = [];
  const offsets: number[] = [];
  for await (const batch of stream.batches()) {
    offsets.push(batch.rowOffset);
    types.push(batch.columns.map((c) => c.type));
    for (let i = 0; i < batch.length; i++) {
      const row: Record<string, ReadValue> = {};
      stream.schema.names.forEach((name, c) => (row[name] = valueAt(batch.columns[c]!, i)));
      rows.push(row);
      lines.push(batch.lines[i]!);
    }
  }
  return { rows, lines, types, offsets };
}
