/**
 * The mean of `values[0, n)` and the sum of squared deviations from it, by two passes with the
 * correction for the rounding left in the mean (the corrected two-pass form): a large common offset
 * does not cancel, and no division per value.
 */
export function squaredDeviations(values: Float64Array, n: number): { mean: number; m2: number } {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  let residual = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
    residual += d;
  }
  return { mean, m2: squares - (residual * residual) / n };
}
