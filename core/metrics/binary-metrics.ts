import { pairwiseSum } from '../numeric/pairwise-sum.js';
import { allFinite } from './all-finite.js';
import { countConfusion, toConfusionMatrix } from './confusion-matrix.js';
import { binaryLogLoss } from './log-loss.js';
import { TASK_METRICS, type MetricName } from './metric-catalog.js';
import type { ConfusionMatrix, MetricValue } from './metric-value.js';
import { allNotComputable, notComputable } from './not-computable.js';
import type { BinaryPredictions } from './predictions.js';
import { rankScores } from './score-ranking.js';

export interface BinaryMetrics {
  metrics: Partial<Record<MetricName, MetricValue>>;
  confusionMatrix: ConfusionMatrix;
}

/**
 * The binary metrics, equal to scikit-learn 1.2's with `pos_label = classes[1]`: accuracy_score,
 * precision/recall/f1_score (average='binary'), roc_auc_score and average_precision_score on the
 * score, log_loss (labels=[0, 1]) and brier_score_loss on the positive class's probability, and
 * confusion_matrix with labels in `classes` order.
 *
 * Not computable where scikit-learn warns or refuses (it would print a number with a warning, a NaN
 * or raise):
 * - precision: no row predicted positive (UndefinedMetricWarning, sklearn answers 0);
 * - recall: no positive row in the holdout (UndefinedMetricWarning, sklearn answers 0);
 * - f1: neither a positive row nor a positive prediction (UndefinedMetricWarning, sklearn answers 0).
 *   With only one of the two missing sklearn answers 0 without warning, and so do we;
 * - roc_auc: only one class in the holdout (sklearn raises ValueError);
 * - pr_auc: no positive row (sklearn warns "No positive class found" and answers a meaningless value);
 *   a holdout of positives only has average precision 1 without warning, and so do we;
 * - roc_auc, pr_auc, log_loss, brier: a score that is NaN or infinite (sklearn's check_array raises);
 * - brier: a score outside [0, 1] (sklearn raises "y_prob contains values greater than 1").
 * log_loss and brier need no both classes: with labels=[0, 1] sklearn computes them silently.
 */
export function binaryMetrics(p: BinaryPredictions): BinaryMetrics {
  const n = p.actual.length;
  if (p.score.length !== n) {
    throw new Error(`binary predictions of unequal lengths: ${n} labels, ${p.score.length} scores`);
  }
  const counts = countConfusion(p.actual, p.predicted, 2);
  const [tn, fp, fn, tp] = [counts[0]!, counts[1]!, counts[2]!, counts[3]!];
  const confusionMatrix = toConfusionMatrix(p.classes, counts);
  if (n === 0) {
    return { metrics: allNotComputable(TASK_METRICS.binary, 'the holdout has no rows'), confusionMatrix };
  }

  const positive = p.classes[1];
  const metrics: Partial<Record<MetricName, MetricValue>> = { accuracy: (tp + tn) / n };
  // sklearn's _prf_divide: a zero denominator gives 0 (with the warning that makes it not computable).
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  metrics.precision =
    tp + fp === 0 ? notComputable(`no row is predicted as the positive class "${positive}"`) : precision;
  metrics.recall =
    tp + fn === 0 ? notComputable(`no row of the holdout has the positive class "${positive}"`) : recall;
  metrics.f1 =
    tp + fp === 0 && tp + fn === 0
      ? notComputable(`the positive class "${positive}" is neither in the holdout nor predicted`)
      : f1(precision, recall);

  if (!allFinite(p.score)) {
    const reason = 'some scores are NaN or infinite';
    return {
      metrics: { ...metrics, ...allNotComputable(['roc_auc', 'pr_auc', 'log_loss', 'brier'], reason) },
      confusionMatrix,
    };
  }
  // One n-double scratch buffer serves the ranking, the log losses and the squared errors in turn.
  const scratch = new Float64Array(n);
  const ranking = rankScores(p.score, p.actual, scratch);
  metrics.roc_auc =
    ranking.positives === 0 || ranking.negatives === 0
      ? notComputable(
          `only one class ("${p.classes[ranking.positives === 0 ? 0 : 1]}") is present in the holdout`,
        )
      : ranking.rocAuc;
  metrics.pr_auc =
    ranking.positives === 0
      ? notComputable(`no row of the holdout has the positive class "${positive}"`)
      : ranking.averagePrecision;
  metrics.log_loss = binaryLogLoss(p.actual, p.score, scratch);
  metrics.brier = brierScore(p.actual, p.score, scratch);
  return { metrics, confusionMatrix };
}

/** sklearn's F-score with beta = 1, same operations: 2·P·R / (P + R), 0 when P + R is 0. */
function f1(precision: number, recall: number): number {
  const denominator = precision + recall;
  return (2 * precision * recall) / (denominator === 0 ? 1 : denominator);
}

/** brier_score_loss: the mean of (y − p)², summed pairwise as np.average does. */
function brierScore(actual: Uint8Array, score: Float64Array, squares: Float64Array): MetricValue {
  const n = actual.length;
  for (let i = 0; i < n; i++) {
    const s = score[i]!;
    if (s < 0 || s > 1) {
      return notComputable(`the score of row ${i + 1} (${s}) is not a probability in [0, 1]`);
    }
    const d = actual[i]! - s;
    squares[i] = d * d;
  }
  return pairwiseSum(squares, n) / n;
}
