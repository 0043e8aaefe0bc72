import { argsort } from '../../numeric/argsort.js';
import type { BinaryPredictions } from '../predictions.js';
import type { RowWeights } from './resample-counts.js';

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

/**
 * Added to a denominator that is a count of rows (0, or at least 1): leaves every count ≥ 1 as it is
 * (it is far below half a unit in the last place) and turns 0/0 into 0/ε = 0, without a branch.
 */
const TINY = 1e-300;

const ACTUAL = 1;
const PREDICTED = 2;
/** The row is the last of its group of tied scores: the ROC and PR curves take a point there. */
const GROUP_END = 4;

/**
 * One binary model's rows ranked once by descending score, with what every weighted pass needs: per
 * rank the row's weight (through `rows`) and three flag bits; per group of tied scores the log loss
 * and squared error of one positive and one negative row (every row of a group has the same score,
 * so these depend only on its label). Plain data — typed arrays, numbers and strings — so a plan can
 * be copied to worker threads.
 */
export interface BinaryRanking {
  /** rows[k]: the index into the weights of the row ranked k-th by descending score. */
  rows: Int32Array;
  /** The weights are indexed by rank already (rows[k] = k): the pass reads them in order. */
  inRankOrder: boolean;
  /** Per rank: ACTUAL (true label positive) | PREDICTED (predicted positive) | GROUP_END. */
  flags: Uint8Array;
  /** How many groups of tied scores (curve points). */
  groups: number;
  /**
   * Per group, three terms: the log loss of a positive row and of a negative row as scikit-learn
   * computes them (clipped, renormalised), and the score (whose Brier terms are (1 − s)² and s²).
   */
  groupTerms: Float64Array;
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
  let groups = 0;
  let finite = true;
  let probabilities = true;
  for (let k = 0; k < n; k++) {
    const s = sorted[k]!;
    // `!==` treats −0 and +0 as one score, as numpy's np.diff does when it finds scikit-learn's thresholds.
    if (k === n - 1 || sorted[k + 1]! !== s) {
      flags[k] = flags[k]! | GROUP_END;
      groups++;
    }
    if (!Number.isFinite(s)) finite = false;
    if (!(s >= 0 && s <= 1)) probabilities = false;
  }
  const groupTerms = new Float64Array(3 * groups);
  for (let k = 0, g = 0; k < n; k++) {
    if (!(flags[k]! & GROUP_END)) continue;
    const s = sorted[k]!;
    // log_loss(labels=[0, 1]): clip the positive probability, pair it with its complement, divide by
    // their sum (scikit-learn renormalises each row), take −log of the true class's share. −0 and +0
    // in one group give the same terms.
    const p1 = Math.min(Math.max(s, EPSILON), 1 - EPSILON);
    const p0 = 1 - p1;
    groupTerms[3 * g] = -Math.log(p1 / (p0 + p1));
    groupTerms[3 * g + 1] = -Math.log(p0 / (p0 + p1));
    groupTerms[3 * g + 2] = s;
    g++;
  }
  return {
    rows,
    inRankOrder: false,
    flags,
    groups,
    groupTerms,
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

/** Writes every binary metric of the rows weighted by `weights` to `out[at …]`; see weightedBinaryMetrics. */
export type BinaryMetricsPass = (weights: RowWeights, out: Float64Array, at?: number) => void;

/**
 * Every binary metric of the rows weighted by `weights` (non-negative integers: a row of weight 3
 * counts as three copies of it, 0 as absent); writes them to `out[at …]` in the order of
 * BINARY_BOOTSTRAP_METRICS, NaN where scikit-learn would warn or answer NaN on the weighted rows
 * (precision with no predicted positive, recall and average precision with no positive, F1 with
 * neither, ROC AUC with one class). Equal to scikit-learn with `sample_weight`. Allocates its scratch
 * on each call: a bootstrap makes one pass with `binaryMetricsPass` and calls it for every resample.
 */
export function weightedBinaryMetrics(
  ranking: BinaryRanking,
  weights: RowWeights,
  out: Float64Array,
  at = 0,
): void {
  binaryMetricsPass(ranking)(weights, out, at);
}

/** Rows per block of a pass: its per-group scratch (two doubles a row at most) stays in the cache. */
const BLOCK = 4096;

/**
 * The weighted binary metrics as a pass with its own scratch, allocated once. A pass walks the ranking
 * in blocks of rows, each in two branch-free loops (a group end every other row is a branch the
 * processor cannot predict; taking it cost half the time): down the block's rows, the cumulative
 * positive and negative weight at each group end and the confusion counts; then over the groups that
 * ended in the block, the curves and the losses.
 *
 * ROC AUC and average precision follow scikit-learn's curves: a point after each group of tied
 * scores, the area by trapezoids from (0, 0), the average precision as Σ ΔTP·precision over those
 * points. With integer weights every count is an exact integer in a double, and the AUC is computed
 * as one exact integer sum, 2·area·P·N, divided once. A group's losses are its positive weight times
 * a positive row's loss plus its negative weight times a negative row's.
 */
export function binaryMetricsPass(ranking: BinaryRanking): BinaryMetricsPass {
  const { rows, flags, groupTerms, inRankOrder } = ranking;
  const n = rows.length;
  const positivesAt = new Float64Array(BLOCK);
  const negativesAt = new Float64Array(BLOCK);
  const compact = new Uint8Array(BLOCK);
  const wide = new Int32Array(BLOCK);
  // [positives, negatives, true positives, predicted positives]: cumulative down the ranking.
  const counts = new Float64Array(4);
  // [2·area, Σ ΔTP·precision, Σ log loss, Σ squared error, positives and negatives at the last point].
  const sums = new Float64Array(6);
  return (weights, out, at = 0) => {
    counts.fill(0);
    sums.fill(0);
    for (let from = 0, group = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      // Each loop in a function of its own, one per weights' array type, so that each is optimised
      // for one type and with feedback from every line (a loop compiled while running is optimised
      // with what the code after it has seen so far).
      let ended: number;
      if (weights instanceof Uint8Array) {
        // The baseline's weights are gathered into rank order a block at a time: many scattered
        // reads in flight at once in a loop of their own, and the block stays in the cache.
        const ranked = inRankOrder ? weights : gatherCompact(weights, rows, from, to, compact);
        ended = accumulateCompact(
          ranked,
          inRankOrder ? 0 : from,
          flags,
          from,
          to,
          counts,
          positivesAt,
          negativesAt,
        );
      } else {
        const ranked = inRankOrder ? weights : gatherWide(weights, rows, from, to, wide);
        ended = accumulateWide(
          ranked,
          inRankOrder ? 0 : from,
          flags,
          from,
          to,
          counts,
          positivesAt,
          negativesAt,
        );
      }
      accumulateCurve(positivesAt, negativesAt, ended, groupTerms, group, sums);
      // The block's last group may go on in the next block: its cumulative weights are written again there.
      group += ended;
    }
    const [positives, negatives, truePositives, predictedPositives] = counts as unknown as number[];
    const [twiceArea, precisionSum, lossSum, brierSum] = sums as unknown as number[];
    const total = positives! + negatives!;
    const falsePositives = predictedPositives! - truePositives!;
    const trueNegatives = negatives! - falsePositives;
    const f1Denominator = predictedPositives! + positives!; // 2·TP + FP + FN
    const scored = ranking.scoresUnusable === undefined;
    out[at] = total > 0 ? (truePositives! + trueNegatives) / total : NaN;
    out[at + 1] = predictedPositives! > 0 ? truePositives! / predictedPositives! : NaN;
    out[at + 2] = positives! > 0 ? truePositives! / positives! : NaN;
    out[at + 3] = f1Denominator > 0 ? (2 * truePositives!) / f1Denominator : NaN;
    out[at + 4] =
      scored && positives! > 0 && negatives! > 0 ? twiceArea! / (2 * positives! * negatives!) : NaN;
    out[at + 5] = scored && positives! > 0 ? precisionSum! / positives! : NaN;
    out[at + 6] = scored && total > 0 ? lossSum! / total : NaN;
    out[at + 7] = scored && ranking.brierUnusable === undefined && total > 0 ? brierSum! / total : NaN;
  };
}

/**
 * Rows [from, to) of the ranking, branch-free (row k's weight at ranked[k − shift]): the cumulative
 * positive and negative weight, written at every row of a group (its last row leaves the group's
 * totals, then the index moves on), and the confusion counts, carried in `counts` from block to
 * block. Returns how many groups ended in the block. The same loop for Uint8Array and Int32Array
 * weights, twice, so that each copy stays monomorphic.
 */
function accumulateCompact(
  ranked: Uint8Array,
  shift: number,
  flags: Uint8Array,
  from: number,
  to: number,
  counts: Float64Array,
  positivesAt: Float64Array,
  negativesAt: Float64Array,
): number {
  let positives = counts[0]!;
  let negatives = counts[1]!;
  let truePositives = counts[2]!;
  let predictedPositives = counts[3]!;
  let group = 0;
  for (let k = from; k < to; k++) {
    const w = ranked[k - shift]!;
    const f = flags[k]!;
    const wy = w & -(f & ACTUAL);
    const wp = w & -((f & PREDICTED) >> 1);
    positives += wy;
    negatives += w - wy;
    predictedPositives += wp;
    truePositives += wy & wp;
    positivesAt[group] = positives;
    negativesAt[group] = negatives;
    group += (f & GROUP_END) >> 2;
  }
  counts[0] = positives;
  counts[1] = negatives;
  counts[2] = truePositives;
  counts[3] = predictedPositives;
  return group;
}

function accumulateWide(
  ranked: Int32Array,
  shift: number,
  flags: Uint8Array,
  from: number,
  to: number,
  counts: Float64Array,
  positivesAt: Float64Array,
  negativesAt: Float64Array,
): number {
  let positives = counts[0]!;
  let negatives = counts[1]!;
  let truePositives = counts[2]!;
  let predictedPositives = counts[3]!;
  let group = 0;
  for (let k = from; k < to; k++) {
    const w = ranked[k - shift]!;
    const f = flags[k]!;
    const wy = w & -(f & ACTUAL);
    const wp = w & -((f & PREDICTED) >> 1);
    positives += wy;
    negatives += w - wy;
    predictedPositives += wp;
    truePositives += wy & wp;
    positivesAt[group] = positives;
    negativesAt[group] = negatives;
    group += (f & GROUP_END) >> 2;
  }
  counts[0] = positives;
  counts[1] = negatives;
  counts[2] = truePositives;
  counts[3] = predictedPositives;
  return group;
}

/**
 * Over `ended` groups (numbered from `first` in the ranking), branch-free: the ROC area, the average
 * precision's sum and both losses, carried in `sums` from block to block.
 */
function accumulateCurve(
  positivesAt: Float64Array,
  negativesAt: Float64Array,
  ended: number,
  groupTerms: Float64Array,
  first: number,
  sums: Float64Array,
): void {
  let twiceArea = sums[0]!;
  let precisionSum = sums[1]!;
  let lossSum = sums[2]!;
  let brierSum = sums[3]!;
  let positivesAtPoint = sums[4]!; // the cumulative weights at the last curve point
  let negativesAtPoint = sums[5]!;
  for (let g = 0; g < ended; g++) {
    const p = positivesAt[g]!;
    const q = negativesAt[g]!;
    const newPositives = p - positivesAtPoint;
    const newNegatives = q - negativesAtPoint;
    twiceArea += newNegatives * (p + positivesAtPoint);
    // A point with no weight so far has ΔTP = 0: 0/TINY = 0.
    precisionSum += (newPositives * p) / (p + q + TINY);
    const t = 3 * (first + g);
    lossSum += newPositives * groupTerms[t]! + newNegatives * groupTerms[t + 1]!;
    const s = groupTerms[t + 2]!;
    brierSum += newPositives * ((1 - s) * (1 - s)) + newNegatives * (s * s);
    positivesAtPoint = p;
    negativesAtPoint = q;
  }
  sums[0] = twiceArea;
  sums[1] = precisionSum;
  sums[2] = lossSum;
  sums[3] = brierSum;
  sums[4] = positivesAtPoint;
  sums[5] = negativesAtPoint;
}

/** rows[from … to)'s weights, in rank order, into `into[0 …)`. */
function gatherCompact(
  weights: Uint8Array,
  rows: Int32Array,
  from: number,
  to: number,
  into: Uint8Array,
): Uint8Array {
  for (let k = from; k < to; k++) into[k - from] = weights[rows[k]!]!;
  return into;
}

function gatherWide(
  weights: Int32Array,
  rows: Int32Array,
  from: number,
  to: number,
  into: Int32Array,
): Int32Array {
  for (let k = from; k < to; k++) into[k - from] = weights[rows[k]!]!;
  return into;
}
