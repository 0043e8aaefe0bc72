import type { Predictions } from './predictions.js';

/**
 * The predictions of the given rows only (indices into the holdout, in the order given), for
 * per-slice metrics and bootstrap resamples: a row may appear more than once. Copies into fresh typed
 * arrays, so metric code that reorders its input never touches the whole holdout's arrays.
 */
export function selectRows(predictions: Predictions, rows: Int32Array): Predictions {
  const n = predictions.actual.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (!(row >= 0 && row < n)) throw new Error(`row index ${row} outside the ${n} rows of the predictions`);
  }
  switch (predictions.task) {
    case 'binary':
      return {
        task: 'binary',
        classes: predictions.classes,
        actual: gather(predictions.actual, rows, new Uint8Array(rows.length)),
        score: gather(predictions.score, rows, new Float64Array(rows.length)),
        predicted: gather(predictions.predicted, rows, new Uint8Array(rows.length)),
      };
    case 'multiclass': {
      const k = predictions.classes.length;
      const probabilities = new Float64Array(rows.length * k);
      for (let r = 0; r < rows.length; r++) {
        const from = rows[r]! * k;
        for (let c = 0; c < k; c++) probabilities[r * k + c] = predictions.probabilities[from + c]!;
      }
      return {
        task: 'multiclass',
        classes: predictions.classes,
        actual: gather(predictions.actual, rows, new Int32Array(rows.length)),
        probabilities,
        predicted: gather(predictions.predicted, rows, new Int32Array(rows.length)),
      };
    }
    case 'regression':
      return {
        task: 'regression',
        actual: gather(predictions.actual, rows, new Float64Array(rows.length)),
        predicted: gather(predictions.predicted, rows, new Float64Array(rows.length)),
      };
  }
}

function gather<T extends Uint8Array | Int32Array | Float64Array>(source: T, rows: Int32Array, target: T): T {
  for (let r = 0; r < rows.length; r++) target[r] = source[rows[r]!]!;
  return target;
}
