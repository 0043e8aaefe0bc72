import type { Batch, ColumnChunk } from '../data/types.js';
import { UserError } from '../errors.js';
import type { FeaturePlan } from './feature-plan.js';
import type { Tensor } from './tensor.js';

export interface BatchFeatures {
  feeds: Record<string, Tensor>;
  /** Rows fed to the model. */
  rows: number;
  /** Indices (in the batch) of the rows fed, when some were dropped for a missing value. */
  kept?: Int32Array;
}

/**
 * One batch's feature tensors. A missing value (an empty cell, NA, NaN) is an error naming the
 * file, line and column — unless `drop` is set, in which case the row is left out and counted by
 * the caller (`kept` lists the rows that remain). `labelMissing` is checked the same way.
 */
export function batchFeatures(
  batch: Batch,
  columnIndex: ReadonlyMap<string, number>,
  plan: FeaturePlan,
  label: string,
  missing: 'error' | 'drop',
): BatchFeatures {
  const used = plan.kind === 'matrix' ? plan.columns : plan.inputs.map((i) => i.column);
  const chunks = used.map((name) => batch.columns[columnIndex.get(name)!]!);
  const labelChunk = batch.columns[columnIndex.get(label)!]!;
  const kept = keptRows(batch, [...chunks, labelChunk], [...used, label], missing);
  const rows = kept ? kept.length : batch.length;
  const at = (r: number) => (kept ? kept[r]! : r);

  if (plan.kind === 'matrix') {
    const width = plan.columns.length;
    const data =
      plan.input.type === 'float64' ? new Float64Array(rows * width) : new Float32Array(rows * width);
    chunks.forEach((chunk, f) => {
      const values = numericValues(chunk, plan.columns[f]!, plan.input.name, batch.source);
      if (data instanceof Float32Array) fillColumn(data, values, f, width, rows, kept);
      else fillColumn(data, values, f, width, rows, kept);
    });
    return {
      feeds: { [plan.input.name]: { type: plan.input.type, dims: [rows, width], data } },
      rows,
      ...(kept ? { kept } : {}),
    };
  }

  const feeds: Record<string, Tensor> = {};
  plan.inputs.forEach(({ input, column }, c) => {
    const chunk = chunks[c]!;
    const dims = input.shape.length === 1 ? [rows] : [rows, 1];
    if (input.type === 'string') {
      const data = new Array<string>(rows);
      for (let r = 0; r < rows; r++)
        data[r] =
          chunk.type === 'string' ? chunk.dictionary[chunk.codes[at(r)]!]! : String(chunk.values[at(r)]);
      feeds[input.name] = { type: 'string', dims, data };
      return;
    }
    const values = numericValues(chunk, column, input.name, batch.source);
    let data: Tensor['data'];
    switch (input.type) {
      case 'float32':
      case 'float64': {
        const out = input.type === 'float32' ? new Float32Array(rows) : new Float64Array(rows);
        for (let r = 0; r < rows; r++) out[r] = values[at(r)]!;
        data = out;
        break;
      }
      case 'int64': {
        const out = new BigInt64Array(rows);
        for (let r = 0; r < rows; r++) out[r] = BigInt(Math.trunc(values[at(r)]!));
        data = out;
        break;
      }
      default: {
        const out =
          input.type === 'int32'
            ? new Int32Array(rows)
            : input.type === 'int8'
              ? new Int8Array(rows)
              : new Uint8Array(rows);
        for (let r = 0; r < rows; r++) out[r] = values[at(r)]!;
        data = out;
      }
    }
    feeds[input.name] = { type: input.type, dims, data };
  });
  return { feeds, rows, ...(kept ? { kept } : {}) };
}

/**
 * Column f of a row-major matrix. Two call sites, one per array type, keep each monomorphic: this
 * loop runs for every value of the holdout.
 */
function fillColumn<T extends Float32Array | Float64Array>(
  data: T,
  values: Float64Array,
  f: number,
  width: number,
  rows: number,
  kept: Int32Array | undefined,
): void {
  if (kept) for (let r = 0, at = f; r < rows; r++, at += width) data[at] = values[kept[r]!]!;
  else for (let r = 0, at = f; r < rows; r++, at += width) data[at] = values[r]!;
}

/** Undefined when every row is complete; the complete rows' indices when some were dropped. */
function keptRows(
  batch: Batch,
  chunks: ColumnChunk[],
  names: string[],
  missing: 'error' | 'drop',
): Int32Array | undefined {
  // The common case, checked a column at a time: no nulls and no NaN anywhere.
  if (chunks.every((chunk) => complete(chunk, batch.length))) return undefined;
  let kept: Int32Array | undefined;
  let count = 0;
  for (let i = 0; i < batch.length; i++) {
    let bad = -1;
    for (let c = 0; c < chunks.length && bad < 0; c++) {
      const chunk = chunks[c]!;
      if (chunk.valid[i] === 0 || (chunk.type !== 'string' && Number.isNaN(chunk.values[i]))) bad = c;
    }
    if (bad >= 0 && missing === 'error') {
      const isLabel = bad === chunks.length - 1;
      throw new UserError(
        'data',
        `row ${batch.rowOffset + i + 1} has no value in the ${isLabel ? 'label' : 'feature'} column "${names[bad]}"; fill it, or set evaluate.missing: drop to leave such rows out (they are counted)`,
        { file: batch.source, line: batch.lines[i]!, field: names[bad]! },
      );
    }
    if (bad >= 0 && !kept) {
      kept = new Int32Array(batch.length);
      for (let j = 0; j < i; j++) kept[j] = j;
      count = i;
    } else if (bad < 0 && kept) kept[count++] = i;
  }
  return kept?.subarray(0, count);
}

function complete(chunk: ColumnChunk, length: number): boolean {
  if (chunk.nullCount > 0) return false;
  if (chunk.type === 'string') return true;
  const values = chunk.values;
  for (let i = 0; i < length; i++) if (values[i] !== values[i]) return false;
  return true;
}

function numericValues(chunk: ColumnChunk, column: string, input: string, file: string): Float64Array {
  if (chunk.type === 'string' || chunk.type === 'timestamp') {
    const first = chunk.type === 'string' ? ` (e.g. ${JSON.stringify(chunk.dictionary[0] ?? '')})` : '';
    throw new UserError(
      'data',
      `the column "${column}" holds ${chunk.type === 'string' ? 'text' : 'timestamps'}${first}, and the model's input "${input}" takes numbers; encode it as the training pipeline did, or leave it out of evaluate.features`,
      { file, field: column },
    );
  }
  return chunk.values;
}
