import { argsort } from '../../numeric/argsort.js';
import type { MulticlassPredictions } from '../predictions.js';

/** Multiclass metrics in the order of `TASK_METRICS.multiclass`, the layout `weightedMulticlassMetrics` writes. */
export const MULTICLASS_BOOTSTRAP_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'f1_weighted',
  'precision_macro',
  'recall_macro',
  'log_loss',
  'roc_auc_ovr',
] as const;

const EPSILON = 2 ** -52;
const ACTUAL = 1;
const GROUP_END = 4;

/**
 * One multiclass model's rows, with what the weighted passes need: labels, each row's log loss, and
 * for the one-vs-rest AUC the rows ranked once by each class's probability (class c's ranking is
 * `rows/flags[c·n … (c+1)·n)`).
 */
export interface MulticlassRanking {
  classCount: number;
  actual: Int32Array;
  predicted: Int32Array;
  logLoss: Float64Array;
  rows: Int32Array;
  flags: Uint8Array;
  /** Why log loss and ROC AUC cannot be computed (probabilities unusable), if they cannot. */
  probabilitiesUnusable: string | undefined;
  /** Scratch: the weighted confusion matrix of the current pass, classCount² cells. */
  confusion: Float64Array;
}

/** Ranks a multiclass model's rows once; `withRoc: false` skips the per-class rankings. */
export function rankMulticlass(predictions: MulticlassPredictions, withRoc = true): MulticlassRanking {
  const { actual, predicted, probabilities } = predictions;
  const k = predictions.classes.length;
  const n = actual.length;
  const logLoss = new Float64Array(n);
  let finite = true;
  let sumsToOne = true;
  for (let i = 0; i < n; i++) {
    let clippedSum = 0;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = probabilities[i * k + c]!;
      if (!Number.isFinite(p)) finite = false;
      sum += p;
      clippedSum += clip(p);
    }
    // log_loss(labels=all classes): clip every probability, renormalise the row, −log of the true class's share.
    logLoss[i] = -Math.log(clip(probabilities[i * k + actual[i]!]!) / clippedSum);
    // roc_auc_score refuses rows that do not sum to 1 by numpy.allclose(1, sum).
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) sumsToOne = false;
  }
  const rows = new Int32Array(withRoc ? k * n : 0);
  const flags = new Uint8Array(withRoc ? k * n : 0);
  if (withRoc) {
    const column = new Float64Array(n);
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < n; i++) column[i] = probabilities[i * k + c]!;
      const order = argsort(column, 'descending');
      for (let r = 0; r < n; r++) {
        const row = order[r]!;
        rows[c * n + r] = row;
        const last = r === n - 1 || column[order[r + 1]!]! !== column[row]!;
        flags[c * n + r] = (actual[row] === c ? ACTUAL : 0) | (last ? GROUP_END : 0);
      }
    }
  }
  return {
    classCount: k,
    actual,
    predicted,
    logLoss,
    rows,
    flags,
    probabilitiesUnusable: !finite
      ? "the model's probabilities include NaN or infinite values"
      : !sumsToOne
        ? "the model's probabilities do not sum to 1 in every row"
        : undefined,
    confusion: new Float64Array(k * k),
  };
}

function clip(p: number): number {
  return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
}

/**
 * Every multiclass metric of the rows weighted by `weights` (non-negative integers: copies of each
 * row), written to `out[at …]` in the order of MULTICLASS_BOOTSTRAP_METRICS, as scikit-learn computes
 * them on the weighted rows: the per-class averages over the classes present among the actual or
 * predicted labels (scikit-learn's default `labels`), NaN where it warns — precision_macro when a
 * present class is never predicted, recall_macro and balanced_accuracy when a predicted class never
 * occurs — and ROC AUC one-vs-rest, macro-averaged, NaN when some class is absent or every row is it.
 */
export function weightedMulticlassMetrics(
  ranking: MulticlassRanking,
  weights: Int32Array,
  out: Float64Array,
  at = 0,
  withRoc = true,
): void {
  const { classCount: k, actual, predicted, logLoss, confusion } = ranking;
  const n = actual.length;
  confusion.fill(0);
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    confusion[actual[i]! * k + predicted[i]!]! += w;
    lossSum += w * logLoss[i]!;
  }
  let total = 0;
  let correct = 0;
  let present = 0;
  let recallSum = 0;
  let precisionSum = 0;
  let f1Sum = 0;
  let f1Weighted = 0;
  let predictedNotActual = false;
  let actualNotPredicted = false;
  for (let c = 0; c < k; c++) {
    let support = 0;
    let predictedCount = 0;
    for (let j = 0; j < k; j++) {
      support += confusion[c * k + j]!;
      predictedCount += confusion[j * k + c]!;
    }
    const hits = confusion[c * k + c]!;
    total += support;
    correct += hits;
    if (support === 0 && predictedCount === 0) continue;
    present++;
    if (support === 0) predictedNotActual = true;
    else recallSum += hits / support;
    if (predictedCount === 0) actualNotPredicted = true;
    else precisionSum += hits / predictedCount;
    const f1 = (2 * hits) / (support + predictedCount);
    f1Sum += f1;
    f1Weighted += support * f1;
  }
  const roc = withRoc && ranking.probabilitiesUnusable === undefined ? ovrAuc(ranking, weights) : NaN;
  if (total === 0) {
    out.fill(NaN, at, at + MULTICLASS_BOOTSTRAP_METRICS.length);
    return;
  }
  out[at] = correct / total;
  out[at + 1] = predictedNotActual ? NaN : recallSum / present;
  out[at + 2] = f1Sum / present;
  out[at + 3] = f1Weighted / total;
  out[at + 4] = actualNotPredicted ? NaN : precisionSum / present;
  out[at + 5] = predictedNotActual ? NaN : recallSum / present;
  out[at + 6] = ranking.probabilitiesUnusable === undefined ? lossSum / total : NaN;
  out[at + 7] = roc;
}

/** The unweighted mean over classes of each class-vs-rest ROC AUC, NaN when one is undefined. */
function ovrAuc(ranking: MulticlassRanking, weights: Int32Array): number {
  const { classCount: k, rows, flags } = ranking;
  const n = ranking.actual.length;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    let positives = 0;
    let negatives = 0;
    let positivesAtPoint = 0;
    let negativesAtPoint = 0;
    let twiceArea = 0;
    const end = (c + 1) * n;
    for (let r = c * n; r < end; r++) {
      const w = weights[rows[r]!]!;
      const f = flags[r]!;
      const wy = w * (f & ACTUAL);
      positives += wy;
      negatives += w - wy;
      if (f & GROUP_END) {
        twiceArea += (negatives - negativesAtPoint) * (positives + positivesAtPoint);
        positivesAtPoint = positives;
        negativesAtPoint = negatives;
      }
    }
    if (positives === 0 || negatives === 0) return NaN;
    sum += twiceArea / (2 * positives * negatives);
  }
  return sum / k;
}
