import { pairwiseSum } from '../numeric/pairwise-sum.js';

/** `np.finfo(np.float64).eps`: log_loss's default clipping in scikit-learn 1.2 (`eps="auto"`). */
const EPS = 2.220446049250313e-16;

function clip(p: number): number {
  return p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
}

/**
 * scikit-learn 1.2.1's `log_loss(y, p, labels=[0, 1])` on the positive class's probability, step by
 * step: clip p to [eps, 1 − eps], build the row [1 − p, p], divide it by its sum (which rounding can
 * leave a hair off 1), take −log of the true class's entry, then the mean summed pairwise.
 */
export function binaryLogLoss(
  actual: Uint8Array,
  score: Float64Array,
  losses: Float64Array = new Float64Array(actual.length),
): number {
  const n = actual.length;
  for (let i = 0; i < n; i++) {
    const p = clip(score[i]!);
    const q = 1 - p;
    const sum = q + p;
    losses[i] = -Math.log((actual[i] ? p : q) / sum);
  }
  return pairwiseSum(losses, n) / n;
}

/**
 * `log_loss(y, P, labels=classes)` for row-major probabilities of k classes: each entry clipped to
 * [eps, 1 − eps], each row divided by its sum (summed as NumPy sums a row: pairwise, which is plain
 * left-to-right below eight classes), −log of the true class's share, and the pairwise mean.
 */
export function multiclassLogLoss(actual: Int32Array, probabilities: Float64Array, k: number): number {
  const n = actual.length;
  const losses = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    for (let c = 0; c < k; c++) row[c] = clip(probabilities[base + c]!);
    const sum = pairwiseSum(row);
    losses[i] = -Math.log(row[actual[i]!]! / sum);
  }
  return pairwiseSum(losses) / n;
}
