import { UserError } from '../errors.js';
import type { MappingOptions } from './mapping-options.js';
import { formatShape, type TensorDescription } from './tensor.js';

/**
 * Which columns feed which inputs: one 2-D input takes the feature columns side by side (a
 * scikit-learn pipeline exported with one `X`), or each input takes the column of its name (a
 * model exported with one input per column).
 */
export type FeaturePlan =
  | { kind: 'matrix'; input: TensorDescription; columns: string[] }
  | { kind: 'per-column'; inputs: { input: TensorDescription; column: string }[] };

const MATRIX_TYPES = new Set(['float32', 'float64']);

export function planFeatures(
  inputs: readonly TensorDescription[],
  names: readonly string[],
  options: MappingOptions,
  files: { model: string; data: string },
): FeaturePlan {
  const present = new Set(names);
  if (!present.has(options.label))
    throw new UserError(
      'data',
      `has no label column "${options.label}"; its columns are ${list(names)}. Set evaluate.label (or --label) to the column of true labels`,
      { file: files.data, field: options.label },
    );
  if (options.features) {
    const missing = options.features.filter((c) => !present.has(c));
    if (missing.length > 0)
      throw new UserError(
        'data',
        `has no column ${list(missing)} named in features; its columns are ${list(names)}`,
        { file: files.data, field: 'features' },
      );
  }
  const perColumn =
    inputs.length > 1 || (inputs.length === 1 && present.has(inputs[0]!.name) && isColumn(inputs[0]!));
  if (inputs.length === 0) throw new UserError('input', 'the model declares no input', { file: files.model });
  if (perColumn) return perColumnPlan(inputs, present, options, files);

  const input = inputs[0]!;
  if (input.shape.length !== 2 || !MATRIX_TYPES.has(input.type))
    throw new UserError(
      'input',
      `the model's input "${input.name}" is ${input.type} ${formatShape(input.shape)}; Modelship feeds one 2-D float input (rows × features) or one input per column, named after the columns`,
      { file: files.model, field: input.name },
    );
  const excluded = new Set([options.label, ...options.exclude]);
  const columns = options.features ? [...options.features] : names.filter((n) => !excluded.has(n));
  const width = input.shape[1];
  if (typeof width === 'number' && width !== columns.length) {
    const source = options.features
      ? 'evaluate.features lists'
      : `the holdout has (every column but the label${options.exclude.length > 0 ? ', id and slice columns' : ''}, in file order)`;
    throw new UserError(
      'input',
      `the model's input "${input.name}" expects ${formatShape(input.shape)} (${width} features per row), but ${source} ${columns.length}: ${list(columns)}. ${
        columns.length > width
          ? `Name the ${width} feature columns in evaluate.features, or list the others in evaluate.id-columns`
          : `The holdout lacks ${width - columns.length} feature column(s) the model was trained on`
      }`,
      { file: files.model, field: input.name },
    );
  }
  return { kind: 'matrix', input, columns };
}

function perColumnPlan(
  inputs: readonly TensorDescription[],
  present: Set<string>,
  options: MappingOptions,
  files: { model: string; data: string },
): FeaturePlan {
  const missing = inputs.filter((i) => !present.has(i.name));
  const names = new Set(inputs.map((i) => i.name));
  const extra = (options.features ?? []).filter((c) => !names.has(c));
  if (missing.length > 0 || extra.length > 0) {
    const expected = inputs.map((i) => `${i.name} ${i.type} ${formatShape(i.shape)}`).join(', ');
    const parts = [
      missing.length > 0 ? `the holdout has no column for input ${list(missing.map((i) => i.name))}` : '',
      extra.length > 0 ? `features lists ${list(extra)}, which the model has no input for` : '',
    ].filter(Boolean);
    throw new UserError('input', `${parts.join('; ')}. The model takes one input per column: ${expected}`, {
      file: files.model,
      field: (missing[0]?.name ?? extra[0])!,
    });
  }
  if (names.has(options.label))
    throw new UserError('input', `the model takes the label column "${options.label}" as an input`, {
      file: files.model,
      field: options.label,
    });
  for (const input of inputs)
    if (!isColumn(input))
      throw new UserError(
        'input',
        `the model's input "${input.name}" is ${formatShape(input.shape)}; an input per column takes [N] or [N, 1]`,
        { file: files.model, field: input.name },
      );
  return { kind: 'per-column', inputs: inputs.map((input) => ({ input, column: input.name })) };
}

/** [N] or [N, 1]: one value per row. */
function isColumn(input: TensorDescription): boolean {
  return input.shape.length === 1 || (input.shape.length === 2 && input.shape[1] === 1);
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `"${n}"`);
  return names.length > 12 ? `${shown.join(', ')} and ${names.length - 12} more` : shown.join(', ');
}
