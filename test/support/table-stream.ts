import type { Batch, ColumnChunk, ColumnType, DataStream } from '../../core/data/types.js';

export type Cell = number | string | boolean | Date | null | undefined;

export interface TableStreamOptions {
  /** Rows per batch (default 3: small, so tests cross batch boundaries). */
  batchRows?: number;
  /** File name in `Batch.source` (default `data.csv`). */
  source?: string;
  /** Source line of the first data row (default 2: a CSV with a header on line 1). */
  firstLine?: number;
  /** Extra source lines before given rows (0-based row → lines added), like an embedded newline. */
  extraLines?: Record<number, number>;
  /** Force a column's chunk type (values are converted), like `ReadOptions.columnTypes`. */
  columnTypes?: Record<string, ColumnType>;
}

/**
 * An in-memory `DataStream` from columns of plain values, cut into batches the way the readers
 * cut files. Each batch's chunk type is inferred from that batch alone (integer, float, boolean,
 * timestamp for Dates, string; mixed kinds become string), so a stray text value changes only its
 * batch's type — exactly the situation checks must survive. null/undefined are missing.
 */
export function tableStream(
  columns: Record<string, readonly Cell[]>,
  options: TableStreamOptions = {},
): DataStream {
  const names = Object.keys(columns);
  const rowCount = names.length === 0 ? 0 : Math.max(...names.map((n) => columns[n]!.length));
  const batchRows = options.batchRows ?? 3;
  const source = options.source ?? 'data.csv';
  const lines = new Float64Array(rowCount);
  let line = options.firstLine ?? 2;
  for (let r = 0; r < rowCount; r++) {
    lines[r] = line;
    line += 1 + (options.extraLines?.[r] ?? 0);
  }
  return {
    schema: { names },
    async *batches(): AsyncIterable<Batch> {
      for (let start = 0; start < rowCount; start += batchRows) {
        const end = Math.min(rowCount, start + batchRows);
        yield {
          source,
          rowOffset: start,
          length: end - start,
          lines: lines.slice(start, end),
          columns: names.map((n) =>
            chunkOf(columns[n]!.slice(start, end), end - start, options.columnTypes?.[n]),
          ),
        };
      }
    },
  };
}

/** The same from row objects (missing keys are missing values). */
export function rowsStream(
  rows: readonly Record<string, Cell>[],
  options: TableStreamOptions = {},
): DataStream {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n])]));
  return tableStream(columns, options);
}

function chunkOf(values: readonly Cell[], length: number, forced?: ColumnType): ColumnChunk {
  const valid = new Uint8Array(length);
  for (let i = 0; i < length; i++) valid[i] = values[i] === null || values[i] === undefined ? 0 : 1;
  const nullCount = length - valid.reduce((a, b) => a + b, 0);
  const type = forced ?? inferType(values);
  if (type === 'string') {
    const dictionary: string[] = [];
    const codeOf = new Map<string, number>();
    const codes = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      if (valid[i] !== 1) continue;
      const text = textOf(values[i]!);
      let code = codeOf.get(text);
      if (code === undefined) {
        code = dictionary.push(text) - 1;
        codeOf.set(text, code);
      }
      codes[i] = code;
    }
    return { type, codes, dictionary, valid, nullCount };
  }
  const numbers = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (valid[i] !== 1) continue;
    numbers[i] = v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : Number(v);
  }
  return { type, values: numbers, valid, nullCount };
}

function inferType(values: readonly Cell[]): ColumnType {
  const kinds = new Set<ColumnType>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (v instanceof Date) kinds.add('timestamp');
    else if (typeof v === 'boolean') kinds.add('boolean');
    else if (typeof v === 'number') kinds.add(Number.isInteger(v) ? 'integer' : 'float');
    else kinds.add('string');
  }
  if (kinds.size === 0) return 'float';
  if (kinds.size === 1) return [...kinds][0]!;
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('float')) return 'float';
  return 'string';
}

function textOf(v: Exclude<Cell, null | undefined>): string {
  return v instanceof Date ? v.toISOString() : String(v);
}
