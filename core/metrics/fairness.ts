import type { MetricValue } from './metric-value.js';
import { notComputable } from './not-computable.js';
import type { BinaryPredictions } from './predictions.js';

/** One group of the sensitive column, with the rates fairlearn compares across groups. */
export interface GroupRates {
  group: string;
  rows: number;
  /** Share of the group's rows predicted positive (fairlearn's `selection_rate`). */
  selectionRate: number;
  /** Share of the group's positive rows predicted positive; not computable without positive rows. */
  truePositiveRate: MetricValue;
  /** Share of the group's negative rows predicted positive; not computable without negative rows. */
  falsePositiveRate: MetricValue;
}

export interface FairnessMetrics {
  /** The groups that have rows, in `groupNames` order. */
  groups: GroupRates[];
  /** fairlearn's demographic_parity_difference: max − min selection rate over the groups. */
  demographicParityDifference: MetricValue;
  /**
   * fairlearn's equalized_odds_difference: the larger of (max − min TPR) and (max − min FPR) over the
   * groups.
   */
  equalizedOddsDifference: MetricValue;
}

/**
 * The demographic parity and equalized odds differences of the predicted labels across the groups of
 * a sensitive column, as fairlearn defines them (method='between_groups', pos_label = classes[1]).
 * `group[i]` indexes `groupNames`; groups without rows play no part, as in fairlearn, which only
 * sees the groups present in the data.
 *
 * Where fairlearn prints a number we say "not computable":
 * - a group without positive rows has no TPR, one without negative rows no FPR. fairlearn computes
 *   the rates with sklearn's confusion_matrix(normalize='true'), whose nan_to_num turns 0/0 into 0,
 *   so a group that merely lacks positives shows a TPR of 0 and can make the equalized odds
 *   difference as large as the best group's TPR. We report that rate, and the equalized odds
 *   difference, as not computable, naming the group.
 * - with fewer than two groups present fairlearn answers 0 (max − min of one value); there is no
 *   difference between groups to speak of, so both differences are not computable.
 */
export function fairnessMetrics(
  p: BinaryPredictions,
  group: Int32Array,
  groupNames: readonly string[],
): FairnessMetrics {
  const n = p.actual.length;
  if (group.length !== n || p.predicted.length !== n) {
    throw new Error(
      `fairness: ${n} labels, ${p.predicted.length} predictions, ${group.length} group indices`,
    );
  }
  const k = groupNames.length;
  // Per group: [true negatives, false positives, false negatives, true positives].
  const counts = new Float64Array(k * 4);
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    if (!(g >= 0 && g < k)) throw new Error(`row ${i + 1}: group index ${g} outside the ${k} groups`);
    counts[g * 4 + p.actual[i]! * 2 + p.predicted[i]!]!++;
  }
  const groups: GroupRates[] = [];
  for (let g = 0; g < k; g++) {
    const [tn, fp, fn, tp] = [counts[g * 4]!, counts[g * 4 + 1]!, counts[g * 4 + 2]!, counts[g * 4 + 3]!];
    const rows = tn + fp + fn + tp;
    if (rows === 0) continue;
    const name = groupNames[g]!;
    groups.push({
      group: name,
      rows,
      selectionRate: (fp + tp) / rows,
      truePositiveRate:
        tp + fn === 0
          ? notComputable(`group "${name}" has no rows of the positive class "${p.classes[1]}"`)
          : tp / (fn + tp),
      falsePositiveRate:
        tn + fp === 0
          ? notComputable(`group "${name}" has no rows of the negative class "${p.classes[0]}"`)
          : fp / (tn + fp),
    });
  }
  if (groups.length < 2) {
    const reason =
      groups.length === 0
        ? 'the holdout has no rows'
        : `only one group ("${groups[0]!.group}") is present, so there is no difference between groups`;
    return {
      groups,
      demographicParityDifference: notComputable(reason),
      equalizedOddsDifference: notComputable(reason),
    };
  }
  return {
    groups,
    demographicParityDifference: spread(groups.map((g) => g.selectionRate)),
    equalizedOddsDifference: equalizedOdds(groups),
  };
}

function spread(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

function equalizedOdds(groups: readonly GroupRates[]): MetricValue {
  for (const g of groups) {
    for (const rate of [g.truePositiveRate, g.falsePositiveRate]) {
      if (typeof rate !== 'number') {
        return notComputable(`${rate.notComputable}, so its error rates cannot be compared`);
      }
    }
  }
  const tpr = spread(groups.map((g) => g.truePositiveRate as number));
  const fpr = spread(groups.map((g) => g.falsePositiveRate as number));
  return Math.max(tpr, fpr);
}
