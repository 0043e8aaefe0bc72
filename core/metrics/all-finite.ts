/**
 * True when no value is NaN or ±Infinity. scikit-learn's `check_array` refuses such input with a
 * ValueError, so a metric over it is not computable rather than a NaN.
 */
export function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity.
    const v = values[i]!;
    if (v - v !== 0) return false;
  }
  return true;
}
