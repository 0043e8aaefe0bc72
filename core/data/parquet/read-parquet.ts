import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { UserError } from '../../errors.js';
import type { DataFile } from '../../ports.js';
import { ColumnState } from '../infer/column-state.js';
import { valuesToChunk } from '../infer/values-to-chunk.js';
import type { Batch, ColumnType, DataStream, FileReader, OpenOptions } from '../types.js';
import { parquetColumnType } from './parquet-column-type.js';

const DEFAULT_BATCH_ROWS = 65_536;

// Timestamps straight to epoch milliseconds: no Date object per value.
const parsers = {
  timestampFromMilliseconds: (millis: bigint | number) => Number(millis),
  timestampFromMicroseconds: (micros: bigint | number) => Number(BigInt(micros) / 1000n),
  timestampFromNanoseconds: (nanos: bigint | number) => Number(BigInt(nanos) / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
};

/** Ranged reads through the DataFile, so a Parquet file on S3 is fetched footer first, then by column. */
function asyncBuffer(file: DataFile): AsyncBuffer {
  return {
    byteLength: file.size,
    slice: async (start, end) => {
      const bytes = await file.read(start, end ?? file.size);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/**
 * Parquet, streamed by row group (split into batches of at most `batchRows`), decoding only the
 * requested columns. Types come from the file's schema; `lines` are 1-based row numbers in the file.
 */
export const readParquet: FileReader = async (file, options) => {
  const buffer = asyncBuffer(file);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer, { parsers });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      'data',
      `not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`,
      {
        file: file.name,
      },
    );
  }
  const columns = parquetSchema(metadata).children.map((child) => ({
    name: child.element.name,
    type: parquetColumnType(
      child.element,
      child.children.length > 0 || child.element.repetition_type === 'REPEATED',
    ),
  }));
  if (Number(metadata.num_rows) === 0)
    throw new UserError('data', 'the file has no rows', { file: file.name });
  return {
    schema: { names: columns.map((c) => c.name) },
    batches: () => batches(file, buffer, metadata, columns, options),
  } satisfies DataStream;
};

async function* batches(
  file: DataFile,
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  columns: { name: string; type: ColumnType }[],
  options: OpenOptions,
): AsyncGenerator<Batch> {
  const wanted = options.columns === undefined ? undefined : new Set(options.columns);
  const states = columns.map(
    (c) => new ColumnState(c.name, wanted === undefined || wanted.has(c.name), options.columnTypes),
  );
  const decoded = states.filter((s) => s.decode).map((s) => s.name);
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const groupEnd = groupStart + groupRows;
    // One decode per row group (its column chunks are compressed as a whole), then sliced into batches.
    const values = new Map<string, unknown[]>();
    if (decoded.length > 0) {
      await parquetRead({
        file: buffer,
        metadata,
        columns: decoded,
        rowStart: groupStart,
        rowEnd: groupEnd,
        compressors,
        parsers,
        onChunk: ({ columnName, columnData, rowStart }) => {
          // Chunks may cover more rows than asked for: keep this row group's.
          const target = values.get(columnName) ?? new Array<unknown>(groupRows);
          values.set(columnName, target);
          const from = Math.max(groupStart, rowStart);
          const to = Math.min(groupEnd, rowStart + columnData.length);
          for (let row = from; row < to; row++) target[row - groupStart] = columnData[row - rowStart];
        },
      });
    }
    for (let start = groupStart; start < groupEnd; start += batchRows) {
      const end = Math.min(start + batchRows, groupEnd);
      const length = end - start;
      const lines = new Float64Array(length);
      for (let i = 0; i < length; i++) lines[i] = start + i + 1;
      yield {
        source: file.name,
        rowOffset: start,
        length,
        lines,
        columns: states.map((state, c) => {
          const declared = state.forced ?? columns[c]!.type;
          if (!state.decode)
            return valuesToChunk(
              new Array<unknown>(length),
              state.type ?? declared,
              () => undefined as never,
            );
          const slice = (values.get(state.name) ?? []).slice(start - groupStart, end - groupStart);
          slice.length = length;
          // An INT64 beyond ±2^53 (a 19-digit id) would be rounded as a double: like the CSV reader,
          // read the column as text from then on, which keeps every digit. A column forced to
          // integer refuses the value instead (see the misfit below).
          const inferred = declared === 'integer' && slice.some(beyondDouble) ? 'string' : declared;
          const type = state.forced ?? state.settle(inferred);
          return valuesToChunk(slice, type, (i, value) => {
            const why =
              typeof value === 'bigint'
                ? 'is beyond ±2^53, the largest integer read exactly'
                : `is not ${type === 'integer' ? 'an' : 'a'} ${type}`;
            throw new UserError('data', `${String(value)} ${why}`, {
              file: file.name,
              line: start + i + 1,
              field: state.name,
            });
          });
        }),
      };
    }
    groupStart += groupRows;
  }
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const beyondDouble = (v: unknown) => typeof v === 'bigint' && (v > MAX_EXACT || v < -MAX_EXACT);
