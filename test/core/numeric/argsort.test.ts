import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argsort } from '../../../core/numeric/argsort.js';
import { Xoshiro128 } from '../../../core/metrics/bootstrap/xoshiro128.js';

const random = new Xoshiro128([9, 8, 7, 6]);
const uniform = () => random.next() / 4294967296;

/** The order a stable comparison sort gives, with −0 before +0 and NaN after +∞ (ascending). */
function reference(values: Float64Array, order: 'ascending' | 'descending'): Int32Array {
  const rank = (v: number) => (Number.isNaN(v) ? 3 : Object.is(v, -0) ? 1 : v === 0 ? 2 : 0);
  const indices = Array.from(values.keys());
  const sign = order === 'descending' ? -1 : 1;
  indices.sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    const byValue = x < y ? -1 : x > y ? 1 : rank(x) - rank(y);
    return sign * byValue || a - b;
  });
  return Int32Array.from(indices);
}

function sample(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => {
    const u = uniform();
    if (i % 97 === 0) return [NaN, -NaN, Infinity, -Infinity, 0, -0][i % 6]!;
    // Ties: a third of the values come from a handful.
    return u < 0.33 ? Math.round(u * 10) / 10 - 0.1 : (u - 0.5) * 10 ** Math.floor(uniform() * 12 - 6);
  });
}

describe('argsort', () => {
  for (const n of [0, 1, 5, 1023, 1024, 5000, 100000]) {
    for (const order of ['ascending', 'descending'] as const) {
      it(`${n} values ${order}, ties stable, NaN, ±0 and ±∞ as a comparison sort`, () => {
        const values = sample(n);
        const copy = values.slice();
        assert.deepEqual(argsort(values, order), reference(values, order));
        assert.deepEqual(values, copy, 'the values are left as they are');
      });
    }
  }

  it('NaN of either sign sorts together', () => {
    const values = new Float64Array(2000).fill(1);
    const words = new Uint32Array(values.buffer);
    values[10] = NaN;
    values[20] = NaN;
    words[2 * 20 + 1] = (words[2 * 20 + 1]! | 0x80000000) >>> 0; // a negative NaN
    const order = argsort(values, 'descending');
    assert.deepEqual([...order.subarray(0, 2)], [10, 20]);
  });
});
