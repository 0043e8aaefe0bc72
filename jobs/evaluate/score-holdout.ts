import { batchFeatures } from '../../core/evaluate/batch-features.js';
import { planFeatures } from '../../core/evaluate/feature-plan.js';
import type { MappingOptions } from '../../core/evaluate/mapping-options.js';
import { planOutputs, type OutputPlan } from '../../core/evaluate/output-plan.js';
import { PredictionAccumulator } from '../../core/evaluate/prediction-accumulator.js';
import { SliceGroups, type SliceSpec } from '../../core/evaluate/slice-groups.js';
import type { Tensor } from '../../core/evaluate/tensor.js';
import { UserError } from '../../core/errors.js';
import type { Predictions } from '../../core/metrics/predictions.js';
import type { DatasetFiles, DatasetSource } from '../ports/dataset-source.js';
import type { Machine } from '../ports/machine.js';
import type { LoadedModel } from '../ports/model-runtime.js';
import { EVALUATE_BATCH_ROWS } from './evaluate-batch-rows.js';

export interface ScoredHoldout {
  predictions: Predictions;
  plan: OutputPlan;
  /** Rows left out for a missing value (`missing: drop`). */
  dropped: number;
  files: DatasetFiles;
  slices: SliceGroups[];
  sensitive?: SliceGroups;
  /** Single-row inputs kept for the latency measurement (the first rows, up to the sample size). */
  latencyRows: Record<string, Tensor>[];
  /** Time spent inside the model on the batches, for the batch throughput. */
  inferenceMs: number;
  /** The largest batch the model ran. */
  batchRows: number;
}

/**
 * Streams the holdout through the model batch by batch, so a holdout larger than memory is
 * evaluated in the memory of one batch plus the predictions (a few bytes a row). The reader works
 * on its own thread; while the model runs one batch, the next is being parsed.
 */
export async function scoreHoldout(
  model: LoadedModel,
  datasets: DatasetSource,
  options: MappingOptions & {
    data: string;
    slices: readonly SliceSpec[];
    sensitive?: string;
    latencySample: number;
  },
  machine: Machine,
): Promise<ScoredHoldout> {
  const plan = planOutputs(model.outputs, options, model.name);
  if (options.sensitive !== undefined && plan.task !== 'binary')
    throw new UserError(
      'config',
      `the fairness differences compare predicted positives across groups, so they need a binary model; this one is ${plan.task}. Remove evaluate.sensitive, or slice by "${options.sensitive}" instead`,
      { field: 'evaluate.sensitive' },
    );
  const { files, stream } = await datasets.open(options.data, { batchRows: EVALUATE_BATCH_ROWS });
  const names = stream.schema.names;
  const files_ = { model: model.name, data: files.length === 1 ? files[0]!.name : options.data };
  const features = planFeatures(model.inputs, names, options, files_);
  const columnIndex = new Map(names.map((n, i) => [n, i]));
  for (const column of [
    ...options.slices.map((s) => (typeof s === 'string' ? s : s.column)),
    ...(options.sensitive ? [options.sensitive] : []),
  ])
    if (!columnIndex.has(column))
      throw new UserError(
        'config',
        `the holdout has no column "${column}" to slice by; its columns are ${names.join(', ')}`,
        {
          file: files_.data,
          field: column,
        },
      );
  const accumulator = new PredictionAccumulator(plan, options.label);
  const slices = options.slices.map((s) => new SliceGroups(s));
  const sensitive = options.sensitive ? new SliceGroups(options.sensitive) : undefined;
  const latencyRows: Record<string, Tensor>[] = [];
  let dropped = 0;
  let inferenceMs = 0;
  let batchRows = 0;
  for await (const batch of stream.batches()) {
    const { feeds, rows, kept } = batchFeatures(batch, columnIndex, features, options.label, options.missing);
    dropped += batch.length - rows;
    if (rows === 0) continue;
    batchRows = Math.max(batchRows, rows);
    const started = machine.now();
    const outputs = await model.run(feeds, plan.fetch);
    inferenceMs += machine.now() - started;
    const source = { source: batch.source, lines: batch.lines, rows, ...(kept ? { kept } : {}) };
    accumulator.add(source, batch.columns[columnIndex.get(options.label)!]!, outputs);
    for (const groups of [...slices, ...(sensitive ? [sensitive] : [])])
      groups.add(batch.columns[columnIndex.get(groups.column)!]!, kept, rows, batch.source);
    for (let r = 0; r < rows && latencyRows.length < options.latencySample; r++)
      latencyRows.push(rowOf(feeds, r));
  }
  if (accumulator.rows < 2)
    throw new UserError(
      'data',
      `has ${accumulator.rows === 0 ? 'no rows' : 'one row'} to evaluate${dropped > 0 ? ` (${dropped} dropped for missing values)` : ''}; metrics need at least two`,
      { file: files_.data },
    );
  return {
    predictions: accumulator.finish(),
    plan,
    dropped,
    files,
    slices,
    ...(sensitive ? { sensitive } : {}),
    latencyRows,
    inferenceMs,
    batchRows,
  };
}

/** Row r of every feed, as a batch of one. */
function rowOf(feeds: Record<string, Tensor>, r: number): Record<string, Tensor> {
  const row: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(feeds)) {
    const width = tensor.dims.slice(1).reduce((a, b) => a * b, 1);
    const data = tensor.data;
    row[name] = {
      type: tensor.type,
      dims: [1, ...tensor.dims.slice(1)],
      data: Array.isArray(data)
        ? data.slice(r * width, (r + 1) * width)
        : data.slice(r * width, (r + 1) * width),
    };
  }
  return row;
}
