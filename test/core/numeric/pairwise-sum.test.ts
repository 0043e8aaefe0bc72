import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairwiseSum } from '../../../core/numeric/pairwise-sum.js';
import { runScipy } from '../../support/scipy.js';
import { seededUniform } from '../drift/stats/sample-cases.js';

// Sizes around every boundary of NumPy's summation: the 8-way unrolling, the 128-element blocks
// and the 8,192-element buffers.
const SIZES = [0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 1000, 8191, 8192, 8193, 20000, 100003];

/** Values spanning 16 orders of magnitude with both signs, so any change of order changes the sum. */
function wildValues(n: number, uniform: () => number): number[] {
  return Array.from({ length: n }, () => (uniform() - 0.5) * 10 ** (16 * uniform() - 8));
}

describe('pairwiseSum', () => {
  const uniform = seededUniform(8192);
  const arrays = SIZES.map((n) => wildValues(n, uniform));
  const numpy = runScipy(
    'import numpy as np\nresult = [float(np.sum(np.array(a, dtype=np.float64))) for a in data]',
    arrays,
  ) as number[];

  it('sums in the same order as np.sum, bit for bit', () => {
    arrays.forEach((a, i) => assert.equal(pairwiseSum(Float64Array.from(a)), numpy[i], `n = ${a.length}`));
  });

  it('sums only the first `length` values when given a length', () => {
    const values = Float64Array.from([...arrays[9]!, 1e300, -7]);
    assert.equal(pairwiseSum(values, arrays[9]!.length), numpy[9]);
  });

  it('is far more accurate than a running total', () => {
    const values = new Float64Array(1_000_000).fill(0.1);
    let running = 0;
    for (const v of values) running += v;
    const exact = 100000; // 10^6 · fl(0.1) = 100000.0000000000055…, correctly rounded
    assert.ok(Math.abs(pairwiseSum(values) - exact) < Math.abs(running - exact) / 1000);
  });
});
