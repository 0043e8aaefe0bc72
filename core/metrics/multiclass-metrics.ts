import { pairwiseSum } from '../numeric/pairwise-sum.js';
import { allFinite } from './all-finite.js';
import { countConfusion, toConfusionMatrix } from './confusion-matrix.js';
import { multiclassLogLoss } from './log-loss.js';
import { TASK_METRICS, type MetricName } from './metric-catalog.js';
import type { ConfusionMatrix, MetricValue } from './metric-value.js';
import { allNotComputable, notComputable } from './not-computable.js';
import type { MulticlassPredictions } from './predictions.js';
import { rankScores } from './score-ranking.js';

export interface MulticlassMetrics {
  metrics: Partial<Record<MetricName, MetricValue>>;
  confusionMatrix: ConfusionMatrix;
}

/**
 * The multiclass metrics, equal to scikit-learn 1.2's defaults: accuracy_score, balanced_accuracy_score,
 * f1/precision/recall_score with average='macro' or 'weighted' over the labels present in the truth or
 * the predictions (sklearn's `unique_labels(y_true, y_pred)`, what a plain call uses), log_loss with
 * labels = every model class, roc_auc_score(multi_class='ovr', average='macro') on the probabilities,
 * and confusion_matrix over every model class in the model's order.
 *
 * Not computable where scikit-learn warns or refuses:
 * - precision_macro: a class of the holdout is never predicted (UndefinedMetricWarning; sklearn
 *   counts that class's precision as 0);
 * - recall_macro: a class is predicted but absent from the holdout (UndefinedMetricWarning, recall 0);
 * - balanced_accuracy: a class is predicted but absent from the holdout (sklearn warns "y_pred
 *   contains classes not in y_true" and drops that class from the mean);
 * - roc_auc_ovr: a model class absent from the holdout (sklearn raises "Only one class present" for
 *   its one-vs-rest column, or a column-count mismatch), rows whose probabilities do not sum to 1
 *   within np.allclose's tolerance (sklearn raises), or a NaN/infinite probability;
 * - log_loss: a NaN/infinite probability. With labels = every model class sklearn computes it
 *   without warning when a class is absent from the holdout, and so do we.
 * f1_macro and f1_weighted never warn here: sklearn warns for the F-score only for a label neither in
 * the truth nor predicted, and such labels are not among the averaged ones.
 */
export function multiclassMetrics(p: MulticlassPredictions): MulticlassMetrics {
  const k = p.classes.length;
  const n = p.actual.length;
  if (p.probabilities.length !== n * k) {
    throw new Error(
      `multiclass predictions: ${p.probabilities.length} probabilities for ${n} rows × ${k} classes`,
    );
  }
  const counts = countConfusion(p.actual, p.predicted, k);
  const confusionMatrix = toConfusionMatrix(p.classes, counts);
  if (n === 0) {
    return { metrics: allNotComputable(TASK_METRICS.multiclass, 'the holdout has no rows'), confusionMatrix };
  }
  const metrics: Partial<Record<MetricName, MetricValue>> = {
    ...labelMetrics(p.classes, counts, n),
    ...probabilityMetrics(p),
  };
  return { metrics, confusionMatrix };
}

/** The metrics of the predicted labels, from the confusion counts alone. */
function labelMetrics(
  classes: readonly string[],
  counts: Float64Array,
  n: number,
): Partial<Record<MetricName, MetricValue>> {
  const k = classes.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  const neverPredicted: string[] = [];
  const notInHoldout: string[] = [];
  let correct = 0;
  for (let c = 0; c < k; c++) {
    const tp = counts[c * k + c]!;
    let trueSum = 0;
    let predSum = 0;
    for (let j = 0; j < k; j++) {
      trueSum += counts[c * k + j]!;
      predSum += counts[j * k + c]!;
    }
    correct += tp;
    // sklearn averages over unique_labels(y_true, y_pred): a class in neither plays no part.
    if (trueSum === 0 && predSum === 0) continue;
    if (predSum === 0) neverPredicted.push(classes[c]!);
    if (trueSum === 0) notInHoldout.push(classes[c]!);
    // _prf_divide: a zero denominator gives 0.
    const P = predSum === 0 ? 0 : tp / predSum;
    const R = trueSum === 0 ? 0 : tp / trueSum;
    const denominator = P + R;
    precision.push(P);
    recall.push(R);
    f1.push((2 * P * R) / (denominator === 0 ? 1 : denominator));
    support.push(trueSum);
  }
  const predictedNotInHoldout =
    notInHoldout.length > 0
      ? notComputable(`${classList(notInHoldout)} predicted but absent from the holdout`)
      : undefined;
  return {
    accuracy: correct / n,
    // balanced_accuracy_score: the mean of per-class recall, the same numbers as recall_macro.
    balanced_accuracy: predictedNotInHoldout ?? mean(recall),
    f1_macro: mean(f1),
    f1_weighted: weightedMean(f1, support),
    precision_macro:
      neverPredicted.length > 0
        ? notComputable(
            `${classList(neverPredicted)} in the holdout but never predicted, so precision is undefined`,
          )
        : mean(precision),
    recall_macro: predictedNotInHoldout ?? mean(recall),
  };
}

function classList(classes: readonly string[]): string {
  const quoted = classes.map((c) => `"${c}"`).join(', ');
  return classes.length === 1 ? `class ${quoted} is` : `classes ${quoted} are`;
}

/** np.average(values): the pairwise sum over the count. */
function mean(values: readonly number[]): number {
  return pairwiseSum(Float64Array.from(values)) / values.length;
}

/** np.average(values, weights): Σ values·weights / Σ weights, both sums pairwise. */
function weightedMean(values: readonly number[], weights: readonly number[]): number {
  const products = Float64Array.from(values, (v, i) => v * weights[i]!);
  return pairwiseSum(products) / pairwiseSum(Float64Array.from(weights));
}

/** log_loss and roc_auc_ovr, which read the probabilities. */
function probabilityMetrics(p: MulticlassPredictions): Partial<Record<MetricName, MetricValue>> {
  if (!allFinite(p.probabilities)) {
    return allNotComputable(['log_loss', 'roc_auc_ovr'], 'some predicted probabilities are NaN or infinite');
  }
  return {
    log_loss: multiclassLogLoss(p.actual, p.probabilities, p.classes.length),
    roc_auc_ovr: rocAucOneVsRest(p),
  };
}

/**
 * roc_auc_score(multi_class='ovr', average='macro'): the ROC AUC of each class's probability column
 * against "is this class", averaged without weights, after sklearn's checks.
 */
function rocAucOneVsRest(p: MulticlassPredictions): MetricValue {
  const k = p.classes.length;
  const n = p.actual.length;
  const rows = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) rows[c] = p.probabilities[i * k + c]!;
    const sum = pairwiseSum(rows);
    // np.allclose(1, sum): |1 − sum| ≤ atol + rtol·|sum|, atol = 1e-8, rtol = 1e-5.
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      return notComputable(
        `the probabilities of row ${i + 1} sum to ${sum}, not 1, so one-vs-rest ROC AUC is undefined`,
      );
    }
  }
  const present = new Uint8Array(k);
  for (let i = 0; i < n; i++) present[p.actual[i]!] = 1;
  const absent = p.classes.filter((_, c) => !present[c]);
  if (absent.length > 0) {
    return notComputable(
      `${classList(absent)} absent from the holdout, so its one-vs-rest ROC AUC is undefined`,
    );
  }
  const column = new Float64Array(n);
  const isClass = new Uint8Array(n);
  const aucs = new Float64Array(k);
  const scratch = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      column[i] = p.probabilities[i * k + c]!;
      isClass[i] = p.actual[i] === c ? 1 : 0;
    }
    aucs[c] = rankScores(column, isClass, scratch).rocAuc;
  }
  return pairwiseSum(aucs) / k;
}
