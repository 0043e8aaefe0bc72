import type { DataFile } from '../ports.js';
import type { CsvRecords } from './csv/record-block.js';

/**
 * The data layer's shared vocabulary. Readers (CSV, JSON Lines, Parquet) stream a dataset as
 * columnar batches; checks consume the batches in one pass; the drift engine keeps samples of
 * them. Everything is typed arrays, so a million rows cost megabytes, not objects.
 */

export type ColumnType = 'integer' | 'float' | 'boolean' | 'string' | 'timestamp';
export type DataFormat = 'csv' | 'jsonl' | 'parquet';

/**
 * Numeric-like chunk. `values[i]` is the value when `valid[i] === 1`, and 0 otherwise.
 * integer/float: the number (NaN and ±Infinity are legal float values); boolean: 0 or 1;
 * timestamp: milliseconds since the Unix epoch, UTC (naive times are read as UTC).
 */
export interface NumericChunk {
  type: 'integer' | 'float' | 'boolean' | 'timestamp';
  values: Float64Array;
  valid: Uint8Array;
  nullCount: number;
}

/** Dictionary-encoded strings: `dictionary[codes[i]]` when `valid[i] === 1`. */
export interface StringChunk {
  type: 'string';
  codes: Int32Array;
  dictionary: string[];
  valid: Uint8Array;
  nullCount: number;
}

export type ColumnChunk = NumericChunk | StringChunk;

export interface Batch {
  /** Which file of the dataset these rows come from (a glob or prefix may name several). */
  source: string;
  /** 0-based index, within the whole dataset, of the batch's first row. */
  rowOffset: number;
  length: number;
  /**
   * 1-based line of `source` on which each row starts (CSV: the physical line, so embedded
   * newlines are counted; JSON Lines: the line; Parquet: the row's 1-based index in its file).
   */
  lines: Float64Array;
  /** Chunks aligned with `DataSchema.names`. A column's type may differ between batches (widening). */
  columns: ColumnChunk[];
}

export interface DataSchema {
  /** Column names in file order. */
  names: string[];
}

export interface ReadOptions {
  /** Force the type of some columns (e.g. keep a zip code a string). Unlisted columns are inferred. */
  columnTypes?: Record<string, ColumnType>;
  /** Only these columns are decoded; others are skipped cheaply. Default: all. */
  columns?: string[];
  /** Rows per batch (default 65,536). */
  batchRows?: number;
}

/** A dataset opened for streaming: the header is known, the rows arrive in batches. */
export interface DataStream {
  schema: DataSchema;
  batches(): AsyncIterable<Batch>;
  /**
   * CSV only: the same rows as records found but not yet decoded, in order, for another thread to
   * decode with a DatasetDecoder — so finding records and decoding them run in parallel. Records
   * the caller is done with and pushes onto `spares` lend their memory to later ones.
   */
  records?(spares?: CsvRecords[]): AsyncIterable<CsvRecords>;
}

/**
 * Type widening when two batches disagree: integer + float = float; equal types stay; anything else
 * becomes string (the column holds values of mixed kinds).
 */
export function widenType(a: ColumnType, b: ColumnType): ColumnType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'float') || (a === 'float' && b === 'integer')) return 'float';
  return 'string';
}

export interface CsvOptions {
  /** Field separator, one character (default `,`; `\t` for `.tsv` files). */
  delimiter?: string;
  /** Quote character (default `"`). */
  quote?: string;
  /** Tokens read as missing (default: pandas' `na_values`). */
  nullValues?: string[];
}

export interface OpenOptions extends ReadOptions {
  /** Default: from each file's extension (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.parquet`, each maybe `.gz`). */
  format?: DataFormat;
  csv?: CsvOptions;
}

/** Opens one file of a dataset for streaming; `openDataset` chains several into one stream. */
export type FileReader = (file: DataFile, options: OpenOptions) => Promise<DataStream>;
