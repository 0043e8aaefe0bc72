import assert from 'node:assert/strict';

/**
 * Python's JSON has no NaN or ±Infinity; the reference snippets send them as strings. A number
 * back in JavaScript, whatever it is.
 */
export function fromPython(value: number | string): number {
  return typeof value === 'number'
    ? value
    : Number(value === 'nan' ? NaN : value === 'inf' ? Infinity : -Infinity);
}

/** Python snippet defining `enc(x)`, which encodes a float the way `fromPython` decodes it. */
export const PYTHON_ENCODE = `
import math
def enc(x):
    x = float(x)
    if math.isnan(x): return 'nan'
    if math.isinf(x): return 'inf' if x > 0 else '-inf'
    return x
`;

/** |actual − expected| ≤ tolerance · |expected|; NaN matches NaN, infinities match exactly. */
export function assertRelativelyClose(
  actual: number,
  expected: number,
  tolerance: number,
  what: string,
): void {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    assert.ok(
      Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected)),
      `${what}: ${actual} ≠ ${expected}`,
    );
    return;
  }
  const error = Math.abs(actual - expected);
  assert.ok(
    error <= tolerance * Math.abs(expected),
    `${what}: ${actual} vs scipy ${expected} (relative error ${error / Math.abs(expected)})`,
  );
}

/** |actual − expected| ≤ tolerance; NaN matches NaN. */
export function assertAbsolutelyClose(
  actual: number,
  expected: number,
  tolerance: number,
  what: string,
): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${what}: ${actual}, scipy NaN`);
    return;
  }
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} vs scipy ${expected} (error ${Math.abs(actual - expected)})`,
  );
}
