import type { ColumnChunk } from '../data/types.js';
import { UserError } from '../errors.js';
import type { Predictions } from '../metrics/predictions.js';
import { Growable } from './growable.js';
import { labelCoder } from './label-coder.js';
import { sameLabel, type OutputPlan } from './output-plan.js';
import type { Tensor } from './tensor.js';

/** Where a batch's rows come from, for errors that name a row. */
export interface BatchRows {
  source: string;
  lines: Float64Array;
  /** Indices in the batch of the rows the model saw (all when undefined). */
  kept?: Int32Array;
  rows: number;
}

/**
 * Collects, batch by batch, what the model said next to the true labels, into the typed arrays
 * of `Predictions`. Only the outputs the plan names are read.
 */
export class PredictionAccumulator {
  private readonly actual: Growable<Uint8Array> | Growable<Int32Array> | Growable<Float64Array>;
  private readonly scores = new Growable((n) => new Float64Array(n));
  private readonly predicted: Growable<Uint8Array> | Growable<Int32Array>;
  private readonly coder;

  constructor(
    private readonly plan: OutputPlan,
    private readonly labelColumn: string,
  ) {
    this.actual =
      plan.task === 'binary'
        ? new Growable((n) => new Uint8Array(n))
        : plan.task === 'multiclass'
          ? new Growable((n) => new Int32Array(n))
          : new Growable((n) => new Float64Array(n));
    this.predicted =
      plan.task === 'multiclass'
        ? new Growable((n) => new Int32Array(n))
        : new Growable((n) => new Uint8Array(n));
    this.coder = plan.task === 'regression' ? undefined : labelCoder(plan.classes, labelColumn);
  }

  get rows(): number {
    return this.actual.length;
  }

  add(batch: BatchRows, labels: ColumnChunk, outputs: Record<string, Tensor>): void {
    const { plan } = this;
    const n = batch.rows;
    const at = (r: number) => (batch.kept ? batch.kept[r]! : r);
    const start = this.actual.length;
    if (plan.task === 'regression') {
      if (labels.type === 'string')
        throw new UserError(
          'data',
          `the label column "${this.labelColumn}" holds text, and a regression model predicts numbers`,
          {
            file: batch.source,
            field: this.labelColumn,
          },
        );
      const actual = (this.actual as Growable<Float64Array>).reserve(n);
      const predicted = (this.scores as Growable<Float64Array>).reserve(n);
      const values = floats(outputs[plan.prediction]!, plan.prediction, n);
      for (let r = 0; r < n; r++) {
        actual[start + r] = labels.values[at(r)]!;
        predicted[start + r] = values[r]!;
      }
      this.actual.length += n;
      this.scores.length += n;
      return;
    }
    const coder = this.coder!;
    const where = (r: number) => ({ file: batch.source, line: batch.lines[at(r)]! });
    if (plan.task === 'binary') {
      const actual = (this.actual as Growable<Uint8Array>).reserve(n);
      const score = this.scores.reserve(n);
      const predicted = (this.predicted as Growable<Uint8Array>).reserve(n);
      const values = floats(outputs[plan.score.output]!, plan.score.output, n * plan.score.width);
      const { column, width } = plan.score;
      for (let r = 0; r < n; r++) {
        actual[start + r] = coder.code(labels, at(r), where(r));
        score[start + r] = values[r * width + column]!;
      }
      if (plan.label) {
        const positive = isPositive(outputs[plan.label]!, plan.classes[1]);
        for (let r = 0; r < n; r++) predicted[start + r] = positive(r) ? 1 : 0;
      } else {
        for (let r = 0; r < n; r++) predicted[start + r] = score[start + r]! >= plan.threshold ? 1 : 0;
      }
      this.actual.length += n;
      this.scores.length += n;
      this.predicted.length += n;
      return;
    }
    const k = plan.classes.length;
    const actual = (this.actual as Growable<Int32Array>).reserve(n);
    const probabilities = this.scores.reserve(n * k);
    const predicted = (this.predicted as Growable<Int32Array>).reserve(n);
    const values = floats(outputs[plan.probabilities]!, plan.probabilities, n * k);
    const offset = this.scores.length;
    for (let r = 0; r < n; r++) {
      actual[start + r] = coder.code(labels, at(r), where(r));
      let best = 0;
      for (let c = 0; c < k; c++) {
        const p = values[r * k + c]!;
        probabilities[offset + r * k + c] = p;
        if (p > values[r * k + best]!) best = c;
      }
      predicted[start + r] = best;
    }
    if (plan.label) {
      const index = classIndex(outputs[plan.label]!, plan.classes);
      for (let r = 0; r < n; r++) predicted[start + r] = index(r);
    }
    this.actual.length += n;
    this.scores.length += n * k;
    this.predicted.length += n;
  }

  finish(): Predictions {
    const { plan } = this;
    if (plan.task === 'regression')
      return {
        task: 'regression',
        actual: this.actual.finish() as Float64Array,
        predicted: this.scores.finish(),
      };
    if (plan.task === 'binary')
      return {
        task: 'binary',
        classes: plan.classes,
        actual: this.actual.finish() as Uint8Array,
        score: this.scores.finish(),
        predicted: this.predicted.finish() as Uint8Array,
      };
    return {
      task: 'multiclass',
      classes: plan.classes,
      actual: this.actual.finish() as Int32Array,
      probabilities: this.scores.finish(),
      predicted: this.predicted.finish() as Int32Array,
    };
  }
}

function floats(tensor: Tensor, name: string, expected: number): ArrayLike<number> {
  if (tensor.type !== 'float32' && tensor.type !== 'float64')
    throw new Error(`output "${name}" is ${tensor.type}, not float`);
  const data = tensor.data as Float32Array | Float64Array;
  if (data.length !== expected)
    throw new UserError(
      'input',
      `the model's output "${name}" has ${data.length} values for a batch that needs ${expected}`,
      {
        field: name,
      },
    );
  return data;
}

/** Whether row r's label output names the positive class. */
function isPositive(tensor: Tensor, positive: string): (r: number) => boolean {
  if (tensor.type === 'string') {
    const data = tensor.data as string[];
    return (r) => sameLabel(data[r]!, positive);
  }
  if (tensor.type === 'int64') {
    const data = tensor.data as BigInt64Array;
    const target = /^-?\d+$/.test(positive.trim()) ? BigInt(positive.trim()) : undefined;
    return (r) => target !== undefined && data[r] === target;
  }
  const data = tensor.data as ArrayLike<number>;
  return (r) => sameLabel(String(data[r]), positive);
}

/** Row r's label output as an index into the classes (−1 for a label the classes lack). */
function classIndex(tensor: Tensor, classes: readonly string[]): (r: number) => number {
  const data = tensor.data as ArrayLike<unknown>;
  const cache = new Map<string, number>();
  return (r) => {
    const key = String(data[r]);
    let index = cache.get(key);
    if (index === undefined) {
      index = classes.findIndex((c) => sameLabel(c, key));
      cache.set(key, index);
    }
    return index;
  };
}
