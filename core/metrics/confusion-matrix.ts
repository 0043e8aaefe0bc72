import type { ConfusionMatrix } from './metric-value.js';

/** Class indices per row: Uint8Array for binary 0/1 labels, Int32Array for multiclass indices. */
export type ClassIndices = Uint8Array | Int32Array;

/**
 * Row-major k × k counts, [true class][predicted class], scikit-learn's `confusion_matrix` layout with
 * `labels` in the model's class order. Indices outside [0, k) are a bug in whoever built the
 * predictions (the evaluator maps unknown labels to a user error first), so they throw.
 */
export function countConfusion(actual: ClassIndices, predicted: ClassIndices, k: number): Float64Array {
  const n = actual.length;
  if (predicted.length !== n) {
    throw new Error(`predictions of unequal lengths: ${n} labels, ${predicted.length} predictions`);
  }
  const counts = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const a = actual[i]!;
    const y = predicted[i]!;
    if (!(a >= 0 && a < k && y >= 0 && y < k)) {
      throw new Error(`row ${i + 1}: class index ${a} or ${y} outside the model's ${k} classes`);
    }
    counts[a * k + y]!++;
  }
  return counts;
}

/** The counts as the report and JSON output show them: one array per true class. */
export function toConfusionMatrix(labels: readonly string[], counts: Float64Array): ConfusionMatrix {
  const k = labels.length;
  return {
    labels: [...labels],
    counts: Array.from({ length: k }, (_, row) => Array.from(counts.subarray(row * k, row * k + k))),
  };
}
