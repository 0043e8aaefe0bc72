import type { ColumnChunk } from '../data/types.js';

/** Row `i` of a chunk as a plain value for reports: number, boolean, string, ISO timestamp or null. */
export function chunkValue(chunk: ColumnChunk, i: number): number | boolean | string | null {
  if (chunk.valid[i] !== 1) return null;
  if (chunk.type === 'string') return chunk.dictionary[chunk.codes[i]!]!;
  const value = chunk.values[i]!;
  if (chunk.type === 'boolean') return value !== 0;
  if (chunk.type === 'timestamp') return timestampText(value);
  return value;
}

/** ISO 8601 in UTC, or the raw number when it is out of the Date range. */
export function timestampText(ms: number): string | number {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? ms : date.toISOString();
}

/** Row `i` as text, the way string checks (regex, lengths, allowed values) see non-string data. */
export function chunkText(chunk: ColumnChunk, i: number): string {
  const value = chunkValue(chunk, i);
  return typeof value === 'string' ? value : String(value);
}
