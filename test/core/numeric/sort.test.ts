import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortFloat64, sortInt32 } from '../../../core/numeric/sort.js';
import { seededUniform } from '../drift/stats/sample-cases.js';

const uniform = seededUniform(17);

function random(n: number, draw: () => number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = draw();
  return values;
}

/** Same values in the same order as the native sort, −0 before +0 included (Object.is). */
function assertSortsLikeNative(values: Float64Array, label: string): void {
  const expected = values.slice().sort();
  const actual = sortFloat64(values);
  assert.equal(actual, values, `${label}: sorts in place and returns its argument`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      assert.fail(`${label}: index ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

describe('sortFloat64 orders like Float64Array.prototype.sort', () => {
  const special = [
    0,
    -0,
    Infinity,
    -Infinity,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e-310,
    -1e-310,
  ];
  const cases: [string, Float64Array][] = [
    ['empty', new Float64Array(0)],
    ['one value', Float64Array.of(3)],
    ['small, below the radix threshold', random(500, () => uniform() * 2 - 1)],
    [
      'wide magnitudes and signs',
      random(50_000, () => (uniform() - 0.5) * 10 ** Math.floor(uniform() * 600 - 300)),
    ],
    ['integers with many ties', random(100_000, () => Math.floor(uniform() * 20) - 10)],
    ['all equal (every pass skipped)', new Float64Array(5_000).fill(2.5)],
    ['all equal negatives', new Float64Array(5_000).fill(-7)],
    [
      'special values, zeros of both signs, subnormals',
      random(20_000, () => special[Math.floor(uniform() * special.length)]!),
    ],
    ['already sorted', Float64Array.from({ length: 10_000 }, (_, i) => i / 3 - 1000)],
    ['reversed', Float64Array.from({ length: 10_000 }, (_, i) => 1000 - i / 7)],
    [
      '1M normal-ish values',
      random(1_000_000, () => Math.log(uniform() + 1e-12) * (uniform() < 0.5 ? -1 : 1)),
    ],
  ];
  for (const [label, values] of cases) it(label, () => assertSortsLikeNative(values, label));

  it('sorts a view into a larger buffer without touching the rest of it', () => {
    const buffer = new Float64Array(3000).map(() => uniform());
    const before = buffer.slice();
    const view = buffer.subarray(1000, 2500);
    assertSortsLikeNative(view, 'subarray');
    assert.deepEqual(buffer.subarray(0, 1000), before.subarray(0, 1000));
    assert.deepEqual(buffer.subarray(2500), before.subarray(2500));
  });
});

describe('sortInt32 orders like Int32Array.prototype.sort', () => {
  const ints = (n: number, draw: () => number) => Int32Array.from({ length: n }, draw);
  const cases: [string, Int32Array][] = [
    ['empty', new Int32Array(0)],
    ['small, below the radix threshold', ints(700, () => Math.floor(uniform() * 2000) - 1000)],
    ['full 32-bit range, both signs', ints(200_000, () => Math.floor(uniform() * 2 ** 32) - 2 ** 31)],
    ['extremes', ints(10_000, () => (uniform() < 0.5 ? -(2 ** 31) : 2 ** 31 - 1))],
    ['scaled decimals (one digit shared: passes skipped)', ints(100_000, () => Math.floor(uniform() * 2047))],
    ['negatives only', ints(50_000, () => -Math.floor(uniform() * 1e9) - 1)],
    ['all equal', new Int32Array(5_000).fill(-3)],
  ];
  for (const [label, values] of cases) {
    it(label, () => {
      const expected = values.slice().sort();
      const actual = sortInt32(values);
      assert.equal(actual, values, 'sorts in place');
      assert.deepEqual(actual, expected);
    });
  }
});
