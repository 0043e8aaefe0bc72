import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fairnessMetrics } from '../../../core/metrics/fairness.js';
import type { BinaryPredictions } from '../../../core/metrics/predictions.js';
import { runScipy } from '../../support/scipy.js';

/** Rows as [group, actual, predicted]; the score plays no part in these label-based metrics. */
function holdout(rows: [number, 0 | 1, 0 | 1][]): { p: BinaryPredictions; group: Int32Array } {
  return {
    p: {
      task: 'binary',
      classes: ['denied', 'approved'],
      actual: Uint8Array.from(rows, (r) => r[1]),
      score: new Float64Array(rows.length),
      predicted: Uint8Array.from(rows, (r) => r[2]),
    },
    group: Int32Array.from(rows, (r) => r[0]),
  };
}

// Group 0 ("A"): TP, FN, FP, TN, TN → selection 2/5, TPR 1/2, FPR 1/3.
// Group 1 ("B"): TP, TP, FN, TN     → selection 2/4, TPR 2/3, FPR 0/1.
// Rows interleaved, so nothing depends on the groups being contiguous.
const TWO_GROUPS: [number, 0 | 1, 0 | 1][] = [
  [0, 1, 1],
  [1, 1, 1],
  [0, 1, 0],
  [1, 1, 1],
  [0, 0, 1],
  [1, 1, 0],
  [0, 0, 0],
  [1, 0, 0],
  [0, 0, 0],
];

describe('fairnessMetrics', () => {
  it('computes per-group rates and both differences by hand', () => {
    const { p, group } = holdout(TWO_GROUPS);
    const result = fairnessMetrics(p, group, ['A', 'B']);
    assert.deepEqual(result.groups, [
      { group: 'A', rows: 5, selectionRate: 2 / 5, truePositiveRate: 1 / 2, falsePositiveRate: 1 / 3 },
      { group: 'B', rows: 4, selectionRate: 2 / 4, truePositiveRate: 2 / 3, falsePositiveRate: 0 },
    ]);
    // Demographic parity: 0.5 − 0.4. Equalized odds: max(2/3 − 1/2, 1/3 − 0) = 1/3.
    assert.equal(result.demographicParityDifference, 2 / 4 - 2 / 5);
    assert.equal(result.equalizedOddsDifference, 1 / 3);
  });

  it('takes the larger of the TPR and FPR gaps', () => {
    // A: TPR 1, FPR 0. B: TPR 1/4, FPR 1/2 → TPR gap 3/4 wins over FPR gap 1/2.
    const { p, group } = holdout([
      [0, 1, 1],
      [0, 0, 0],
      [1, 1, 1],
      [1, 1, 0],
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 1],
      [1, 0, 0],
    ]);
    const result = fairnessMetrics(p, group, ['A', 'B']);
    assert.equal(result.equalizedOddsDifference, 3 / 4);
    // Selection: A 1/2, B 2/6.
    assert.equal(result.demographicParityDifference, 1 / 2 - 2 / 6);
  });

  it('reports a group without positives as not computable for TPR and equalized odds', () => {
    const { p, group } = holdout([...TWO_GROUPS, [2, 0, 1], [2, 0, 0]]);
    const result = fairnessMetrics(p, group, ['A', 'B', 'C']);
    const c = result.groups.find((g) => g.group === 'C')!;
    assert.deepEqual(c.truePositiveRate, {
      notComputable: 'group "C" has no rows of the positive class "approved"',
    });
    assert.equal(c.falsePositiveRate, 1 / 2);
    assert.deepEqual(result.equalizedOddsDifference, {
      notComputable:
        'group "C" has no rows of the positive class "approved", so its error rates cannot be compared',
    });
    // Selection rates stay defined: A 0.4, B 0.5, C 0.5.
    assert.equal(result.demographicParityDifference, 2 / 4 - 2 / 5);
  });

  it('reports a group without negatives as not computable for FPR', () => {
    const { p, group } = holdout([...TWO_GROUPS, [2, 1, 1]]);
    const result = fairnessMetrics(p, group, ['A', 'B', 'C']);
    assert.deepEqual(result.groups[2]!.falsePositiveRate, {
      notComputable: 'group "C" has no rows of the negative class "denied"',
    });
    assert.equal(typeof result.equalizedOddsDifference, 'object');
  });

  it('leaves out groups without rows, and needs two groups for a difference', () => {
    const { p, group } = holdout(TWO_GROUPS.filter((r) => r[0] === 1));
    const result = fairnessMetrics(p, group, ['A', 'B']);
    assert.deepEqual(
      result.groups.map((g) => g.group),
      ['B'],
    );
    const reason = {
      notComputable: 'only one group ("B") is present, so there is no difference between groups',
    };
    assert.deepEqual(result.demographicParityDifference, reason);
    assert.deepEqual(result.equalizedOddsDifference, reason);
  });

  it('refuses a group index outside the group names', () => {
    const { p } = holdout(TWO_GROUPS);
    assert.throws(() => fairnessMetrics(p, new Int32Array(9).fill(2), ['A', 'B']), /group index 2 outside/);
  });

  // fairlearn (not installed here) computes a group's TPR and FPR as
  // sklearn.metrics.confusion_matrix(y, ŷ, labels=[0, 1], normalize='true'); this checks the rates we
  // compute equal that call's, and that its answer for a group without positives is the silent 0 we
  // refuse to report.
  it("matches the rates fairlearn takes from sklearn's normalized confusion matrix", () => {
    const rows = [...TWO_GROUPS, [2, 0, 1], [2, 0, 0]] as [number, 0 | 1, 0 | 1][];
    const { p, group } = holdout(rows);
    const sklearn = runScipy(
      `from sklearn.metrics import confusion_matrix
import numpy as np
rows = np.array(data)
result = []
for g in range(3):
    r = rows[rows[:, 0] == g]
    tnr, fpr, fnr, tpr = confusion_matrix(r[:, 1], r[:, 2], labels=[0, 1], normalize='true').ravel()
    result.append({'selection': float(np.mean(r[:, 2] == 1)), 'tpr': tpr, 'fpr': fpr})`,
      rows,
    ) as { selection: number; tpr: number; fpr: number }[];
    const ours = fairnessMetrics(p, group, ['A', 'B', 'C']).groups;
    for (let g = 0; g < 2; g++) {
      assert.equal(ours[g]!.selectionRate, sklearn[g]!.selection);
      assert.equal(ours[g]!.truePositiveRate, sklearn[g]!.tpr);
      assert.equal(ours[g]!.falsePositiveRate, sklearn[g]!.fpr);
    }
    assert.equal(sklearn[2]!.tpr, 0, "sklearn's normalized matrix turns C's 0/0 TPR into 0");
    assert.equal(typeof ours[2]!.truePositiveRate, 'object');
  });
});
