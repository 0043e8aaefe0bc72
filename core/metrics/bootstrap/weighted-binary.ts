import { argsort } from '../../numeric/argsort.js';
import type { BinaryPredictions } from '../predictions.js';

/** Binary metrics in the order of `TASK_METRICS.binary`, the layout `weightedBinaryMetrics` writes. */
export const BINARY_BOOTSTRAP_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'pr_auc',
  'log_loss',
  'brier',
] as const;

/** float64's machine epsilon: scikit-learn's `log_loss(eps='auto')` clips probabilities to [ε, 1 − ε]. */
const EPSILON = 2 ** -52;

const ACTUAL = 1;
const PREDICTED = 2;
/** The row is the last of its group of tied scores: the ROC and PR curves take a point there. */
const GROUP_END = 4;

/**
 * One binary model's rows ranked once by descending score, with what every weighted pass needs per
 * rank, so a pass is a single sequential walk: the row's weight (through `rows`), three flag bits,
 * and its log loss and squared error computed once.
 */
export interface BinaryRanking {
  /** rows[k]: the index into the weights of the row ranked k-th by descending score. */
  rows: Int32Array;
  /** The weights are indexed by rank already (rows[k] = k): the pass reads them in order. */
  inRankOrder: boolean;
  /** Scratch for the weights gathered into rank order, reused by every pass. */
  gathered: Int32Array;
  /** Per rank: ACTUAL (true label positive) | PREDICTED (predicted positive) | GROUP_END. */
  flags: Uint8Array;
  /** Per rank: the row's log loss as scikit-learn computes it (clipped, renormalised). */
  logLoss: Float64Array;
  /** Per rank: (actual − score)², the row's Brier score. */
  brier: Float64Array;
  /** Why the score-based metrics (AUC, average precision, log loss) cannot be computed, if they cannot. */
  scoresUnusable: string | undefined;
  /** Why the Brier score cannot be computed (scores outside [0, 1]), if it cannot. */
  brierUnusable: string | undefined;
}

/**
 * Ranks a binary model's rows once. `rowIds` renames rows for the weights (row i is read at
 * `weights[rowIds[i]]`); by default rows are read at their own index. `useRankOrder(ranking)` renames
 * them by this ranking instead, so that its own passes read the weights in order.
 */
export function rankBinary(predictions: BinaryPredictions, rowIds?: Int32Array): BinaryRanking {
  const { actual, score, predicted } = predictions;
  const n = actual.length;
  const order = argsort(score, 'descending');
  // Gathers in tight loops of their own (many scattered reads in flight), then one sequential pass.
  const rows = new Int32Array(n);
  const sorted = new Float64Array(n);
  const flags = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    sorted[k] = score[row]!;
    rows[k] = rowIds ? rowIds[row]! : row;
    flags[k] = (actual[row] ? ACTUAL : 0) | (predicted[row] ? PREDICTED : 0);
  }
  const logLoss = new Float64Array(n);
  const brier = new Float64Array(n);
  let finite = true;
  let probabilities = true;
  for (let k = 0; k < n; k++) {
    const s = sorted[k]!;
    const y = flags[k]! & ACTUAL;
    // `!==` treats −0 and +0 as one score, as numpy's np.diff does when it finds scikit-learn's thresholds.
    if (k === n - 1 || sorted[k + 1]! !== s) flags[k] = flags[k]! | GROUP_END;
    if (!Number.isFinite(s)) finite = false;
    if (!(s >= 0 && s <= 1)) probabilities = false;
    // log_loss(labels=[0, 1]): clip the positive probability, pair it with its complement, divide by
    // their sum (scikit-learn renormalises each row), take −log of the true class's share.
    const p1 = Math.min(Math.max(s, EPSILON), 1 - EPSILON);
    const p0 = 1 - p1;
    logLoss[k] = -Math.log((y ? p1 : p0) / (p0 + p1));
    brier[k] = (y - s) * (y - s);
  }
  return {
    rows,
    inRankOrder: false,
    gathered: new Int32Array(n),
    flags,
    logLoss,
    brier,
    scoresUnusable: finite ? undefined : "the model's scores include NaN or infinite values",
    brierUnusable:
      finite && !probabilities ? "the model's scores are not probabilities in [0, 1]" : undefined,
  };
}

/** Renames the rows by this ranking (row ranked k-th gets id k) and returns the ids by original row. */
export function useRankOrder(ranking: BinaryRanking): Int32Array {
  const ids = new Int32Array(ranking.rows.length);
  for (let k = 0; k < ids.length; k++) ids[ranking.rows[k]!] = k;
  for (let k = 0; k < ids.length; k++) ranking.rows[k] = k;
  ranking.inRankOrder = true;
  return ids;
}

/**
 * Every binary metric of the rows weighted by `weights` (non-negative integers: a row of weight 3
 * counts as three copies of it, 0 as absent), in one pass over the ranking; writes them to
 * `out[at …]` in the order of BINARY_BOOTSTRAP_METRICS, NaN where scikit-learn would warn or answer
 * NaN on the weighted rows (precision with no predicted positive, recall and average precision with
 * no positive, F1 with neither, ROC AUC with one class). Equal to scikit-learn with `sample_weight`.
 *
 * ROC AUC and average precision follow scikit-learn's curves: a point after each group of tied
 * scores, the area by trapezoids from (0, 0), the average precision as Σ ΔTP·precision over those
 * points. With integer weights every count is an exact integer in a double, and the AUC is computed
 * as one exact integer sum, 2·area·P·N, divided once.
 */
export function weightedBinaryMetrics(
  ranking: BinaryRanking,
  weights: Int32Array,
  out: Float64Array,
  at = 0,
): void {
  const { rows, flags, logLoss, brier } = ranking;
  const n = rows.length;
  let ranked = weights;
  if (!ranking.inRankOrder) {
    // Gathering in a loop of its own keeps many of these scattered reads in flight at once; inside
    // the long loop below they would wait one after another (three times slower measured).
    ranked = ranking.gathered;
    for (let k = 0; k < n; k++) ranked[k] = weights[rows[k]!]!;
  }
  let positives = 0; // cumulative weighted positives and negatives down the ranking
  let negatives = 0;
  let positivesAtPoint = 0; // the same at the last curve point
  let negativesAtPoint = 0;
  let twiceArea = 0;
  let precisionSum = 0;
  let truePositives = 0;
  let predictedPositives = 0;
  let lossSum = 0;
  let brierSum = 0;
  for (let k = 0; k < n; k++) {
    const w = ranked[k]!;
    const f = flags[k]!;
    const wy = w * (f & ACTUAL);
    const predictedBit = (f & PREDICTED) >> 1;
    positives += wy;
    negatives += w - wy;
    predictedPositives += w * predictedBit;
    truePositives += wy * predictedBit;
    lossSum += w * logLoss[k]!;
    brierSum += w * brier[k]!;
    if (f & GROUP_END) {
      twiceArea += (negatives - negativesAtPoint) * (positives + positivesAtPoint);
      // A point with no weight so far has ΔTP = 0: divide by 1 instead of 0.
      precisionSum += ((positives - positivesAtPoint) * positives) / (positives + negatives || 1);
      positivesAtPoint = positives;
      negativesAtPoint = negatives;
    }
  }
  const total = positives + negatives;
  const falsePositives = predictedPositives - truePositives;
  const trueNegatives = negatives - falsePositives;
  const f1Denominator = predictedPositives + positives; // 2·TP + FP + FN
  const scored = ranking.scoresUnusable === undefined;
  out[at] = total > 0 ? (truePositives + trueNegatives) / total : NaN;
  out[at + 1] = predictedPositives > 0 ? truePositives / predictedPositives : NaN;
  out[at + 2] = positives > 0 ? truePositives / positives : NaN;
  out[at + 3] = f1Denominator > 0 ? (2 * truePositives) / f1Denominator : NaN;
  out[at + 4] = scored && positives > 0 && negatives > 0 ? twiceArea / (2 * positives * negatives) : NaN;
  out[at + 5] = scored && positives > 0 ? precisionSum / positives : NaN;
  out[at + 6] = scored && total > 0 ? lossSum / total : NaN;
  out[at + 7] = scored && ranking.brierUnusable === undefined && total > 0 ? brierSum / total : NaN;
}
