import { pairwiseSum } from '../numeric/pairwise-sum.js';
import { sortFloat64 } from '../numeric/sort.js';

/** What the ranking of one score column against a 0/1 truth yields. */
export interface ScoreRanking {
  positives: number;
  negatives: number;
  /** Area under the ROC curve; NaN unless both classes are present. */
  rocAuc: number;
  /** scikit-learn's `average_precision_score`; NaN when no row is positive. */
  averagePrecision: number;
}

/**
 * ROC AUC and average precision from one pass over the distinct scores, highest first, as
 * scikit-learn's `_binary_clf_curve` walks them: rows with tied scores enter the curve together, so
 * AUC counts a tied positive–negative pair as half (the averaged rank) and average precision has one
 * step per distinct threshold.
 *
 * Instead of sorting rows (an index sort), the positives' and the negatives' scores are sorted
 * separately (two radix sorts of plain doubles, no per-row objects) and merged from the top.
 * `actual[i]` is 1 where row i is positive; scores must be finite (callers check).
 */
export function rankScores(
  score: Float64Array,
  actual: Uint8Array,
  /** n doubles of scratch the caller may reuse afterwards (one allocation fewer per metric run). */
  scratch: Float64Array = new Float64Array(score.length),
): ScoreRanking {
  const n = score.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += actual[i]!;
  const negatives = n - positives;
  const sorted = new Float64Array(n);
  const pos = sorted.subarray(0, positives);
  const neg = sorted.subarray(positives);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (actual[i]) pos[p++] = score[i]!;
    else neg[q++] = score[i]!;
  }
  sortFloat64(pos);
  sortFloat64(neg);

  // Twice the number of (positive above negative) pairs, ties counting one: an integer below 2^53
  // for any holdout under ~10^8 rows, so the AUC is exact up to its one division.
  let twicePairs = 0;
  // average_precision_score = −Σ diff(recall) · precision, over thresholds from the lowest up
  // (precision_recall_curve's reversed order); the terms are kept to sum them in NumPy's order.
  const terms = scratch;
  let steps = 0;
  let tps = 0;
  let fps = 0;
  let previousRecall = 0;
  // Scores are finite, so −Infinity marks an exhausted side and keeps the loop free of bounds checks.
  let i = positives - 1;
  let j = negatives - 1;
  let nextPositive = i >= 0 ? pos[i]! : -Infinity;
  let nextNegative = j >= 0 ? neg[j]! : -Infinity;
  while (i >= 0 || j >= 0) {
    const threshold = nextPositive >= nextNegative ? nextPositive : nextNegative;
    let tiedPositives = 0;
    let tiedNegatives = 0;
    while (nextPositive === threshold) {
      tiedPositives++;
      nextPositive = --i >= 0 ? pos[i]! : -Infinity;
    }
    while (nextNegative === threshold) {
      tiedNegatives++;
      nextNegative = --j >= 0 ? neg[j]! : -Infinity;
    }
    twicePairs += tiedNegatives * (2 * tps + tiedPositives);
    tps += tiedPositives;
    fps += tiedNegatives;
    // Same expressions as scikit-learn: recall = tps / tps[-1], precision = tps / (tps + fps).
    const recall = tps / positives;
    terms[steps++] = (previousRecall - recall) * (tps / (tps + fps));
    previousRecall = recall;
  }
  const reversed = terms.subarray(0, steps).reverse();
  return {
    positives,
    negatives,
    rocAuc: positives > 0 && negatives > 0 ? twicePairs / 2 / (positives * negatives) : NaN,
    averagePrecision: positives > 0 ? -pairwiseSum(reversed) : NaN,
  };
}
