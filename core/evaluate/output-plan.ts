import { UserError } from '../errors.js';
import type { Task } from '../metrics/predictions.js';
import type { MappingOptions } from './mapping-options.js';
import { formatShape, type OutputDescription } from './tensor.js';

/**
 * Which outputs the predictions come from, and what they mean. The converters' conventions:
 * a classifier gives a label tensor plus probabilities (a rows × classes tensor, or a ZipMap's
 * sequence of maps, which the runtime hands over as that tensor); a network gives one tensor —
 * rows × classes probabilities (Softmax), one probability per row (Sigmoid), or a regression value.
 */
export type OutputPlan = BinaryPlan | MulticlassPlan | RegressionPlan;

export interface BinaryPlan {
  task: 'binary';
  /** [negative, positive] as the model names them (the label column must write them the same). */
  classes: [string, string];
  /** The positive class's probability: column `column` of `output` (width 1 or 2). */
  score: { output: string; column: number; width: number };
  /** When set, the predicted class is the model's label output; otherwise score ≥ threshold. */
  label?: string;
  threshold: number;
  fetch: string[];
}

export interface MulticlassPlan {
  task: 'multiclass';
  classes: string[];
  probabilities: string;
  label?: string;
  fetch: string[];
}

export interface RegressionPlan {
  task: 'regression';
  prediction: string;
  fetch: string[];
}

const FLOAT = new Set(['float32', 'float64']);
const LABEL = new Set(['int64', 'int32', 'string', 'bool', 'int8', 'uint8']);

export function planOutputs(
  outputs: readonly OutputDescription[],
  options: Pick<MappingOptions, 'task' | 'positiveLabel' | 'threshold'>,
  model: string,
): OutputPlan {
  const label = outputs.find((o) => LABEL.has(o.type) && rows(o) === 1);
  const probabilities = outputs.find((o) => FLOAT.has(o.type) && o.shape.length === 2 && width(o) !== 1);
  const single = outputs.find((o) => FLOAT.has(o.type) && rows(o) === 1);
  const described = outputs.map((o) => `"${o.name}" ${o.type} ${formatShape(o.shape)}`).join(', ') || 'none';
  const fail = (message: string): never => {
    throw new UserError('input', `${message}. The model's outputs: ${described}`, { file: model });
  };

  const detected: Task | undefined = probabilities
    ? classesOf(probabilities, label).length === 2
      ? 'binary'
      : 'multiclass'
    : single
      ? single.producer === 'Sigmoid'
        ? 'binary'
        : 'regression'
      : undefined;
  const task = options.task ?? detected;
  if (task === undefined)
    fail(
      'no output holds probabilities, scores or values (a float tensor), so the model cannot be evaluated',
    );

  if (task === 'regression') {
    if (!single) fail('task regression needs one float output with one value per row ([N] or [N, 1])');
    return { task, prediction: single!.name, fetch: [single!.name] };
  }
  if (task === 'multiclass') {
    if (!probabilities) fail('task multiclass needs a probabilities output (rows × classes)');
    const classes = classesOf(probabilities!, label);
    if (classes.length < 2) fail('a multiclass model needs at least two classes');
    return {
      task,
      classes,
      probabilities: probabilities!.name,
      ...(label ? { label: label.name } : {}),
      fetch: [probabilities!.name, ...(label ? [label.name] : [])],
    };
  }
  // binary
  const scoreOutput = probabilities ?? single;
  if (!scoreOutput) return fail('task binary needs a probability output (rows × 2, or one per row)');
  const classes = probabilities ? classesOf(probabilities, label) : (label?.classes ?? ['0', '1']);
  if (classes.length !== 2)
    fail(`task binary needs two classes, and the model has ${classes.length} (${classes.join(', ')})`);
  let positive = 1;
  if (options.positiveLabel !== undefined) {
    positive = classes.findIndex((c) => sameLabel(c, options.positiveLabel!));
    if (positive < 0)
      throw new UserError(
        'config',
        `the positive label "${options.positiveLabel}" is not one of the model's classes (${classes.join(', ')})`,
        { file: model, field: 'evaluate.positive-label' },
      );
  }
  const w = width(scoreOutput) ?? 1;
  const column = w === 1 ? 0 : positive;
  if (w === 1 && positive === 0)
    fail(
      `the model gives one probability per row, for class "${classes[1]}"; the positive label must be that class`,
    );
  return {
    task: 'binary',
    classes: positive === 1 ? [classes[0]!, classes[1]!] : [classes[1]!, classes[0]!],
    score: { output: scoreOutput.name, column, width: w },
    ...(label && options.threshold === undefined ? { label: label.name } : {}),
    threshold: options.threshold ?? 0.5,
    fetch: [scoreOutput.name, ...(label && options.threshold === undefined ? [label.name] : [])],
  };
}

/** The probabilities' classes: their own (ZipMap), else the label output's, else 0…k-1. */
function classesOf(probabilities: OutputDescription, label: OutputDescription | undefined): string[] {
  if (probabilities.classes && probabilities.classes.length > 0) return probabilities.classes;
  if (label?.classes && label.classes.length > 0) return label.classes;
  const k = width(probabilities);
  return k === undefined ? [] : Array.from({ length: k }, (_, i) => String(i));
}

/** Width of a rows × k output, when fixed. */
function width(output: OutputDescription): number | undefined {
  if (output.shape.length === 1) return 1;
  const w = output.shape[1];
  return typeof w === 'number' ? w : undefined;
}

/** 1 for [N] or [N, 1]: one value per row. */
function rows(output: OutputDescription): number | undefined {
  return output.shape.length === 1 ? 1 : output.shape.length === 2 ? width(output) : undefined;
}

/** "1" and 1.0 name the same class; text labels compare exactly. */
export function sameLabel(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && x === y;
}
