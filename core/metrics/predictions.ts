/**
 * What a model said about each row of a labelled holdout, next to the true labels: the one shape
 * every metric, slice and bootstrap reads. Typed arrays, so a million rows cost megabytes.
 */
export type Task = 'binary' | 'multiclass' | 'regression';

export type Predictions = BinaryPredictions | MulticlassPredictions | RegressionPredictions;

export interface BinaryPredictions {
  task: 'binary';
  /** Both classes as the model names them; `classes[1]` is the positive class. */
  classes: [string, string];
  /** 1 where the row's true label is the positive class, else 0. */
  actual: Uint8Array;
  /** The model's probability (or score) of the positive class. */
  score: Float64Array;
  /** 1 where the model predicts the positive class (its label output, or the decision threshold). */
  predicted: Uint8Array;
}

export interface MulticlassPredictions {
  task: 'multiclass';
  /** The model's classes, in the order of its probability columns. */
  classes: string[];
  /** Index into `classes` of each row's true label. */
  actual: Int32Array;
  /** Row-major rows × classes.length probabilities. */
  probabilities: Float64Array;
  /** Index into `classes` of each row's predicted label. */
  predicted: Int32Array;
}

export interface RegressionPredictions {
  task: 'regression';
  actual: Float64Array;
  predicted: Float64Array;
}
