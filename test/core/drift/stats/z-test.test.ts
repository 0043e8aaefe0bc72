import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proportionZTest } from '../../../../core/drift/stats/z-test.js';
import { runScipy } from '../../../support/scipy.js';
import { assertAbsolutelyClose, assertRelativelyClose } from './assert-close.js';

// [refSuccesses, refTotal, curSuccesses, curTotal]
const CASES: [number, number, number, number][] = [
  [30, 100, 45, 100],
  [1, 2, 1, 3],
  [0, 10, 3, 10],
  [10, 10, 7, 10],
  [500, 1000, 500, 1000],
  [123_456, 1_000_000, 125_000, 1_000_000],
  [10_000, 1_000_000, 30_000, 1_000_000],
  [1, 1, 0, 1],
  [3, 7, 900, 1000],
];

// The reference is Evidently's formula with the tail taken from norm.sf (its 2·(1 − cdf) would
// round p-values below 1e-16 to 0).
const SCRIPT = `
from scipy import stats
result = []
for s1, n1, s2, n2 in data:
    p1, p2 = s1 / n1, s2 / n2
    P = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    result.append([z, 2 * stats.norm.sf(abs(z)), 2 * (1 - stats.norm.cdf(abs(z)))])
`;

describe('proportionZTest agrees with the pooled two-proportion z-test (Evidently), via scipy', () => {
  const reference = runScipy(SCRIPT, CASES) as [number, number, number][];

  CASES.forEach((c, i) => {
    it(`${c[0]}/${c[1]} against ${c[2]}/${c[3]}`, () => {
      const result = proportionZTest(...c);
      const [statistic, pValue, evidentlyPValue] = reference[i]!;
      assertRelativelyClose(result.statistic, statistic, 1e-12, 'statistic');
      assertRelativelyClose(result.pValue, pValue, 1e-12, 'p-value');
      assertAbsolutelyClose(result.pValue, evidentlyPValue, 1e-15, "p-value against Evidently's 2(1 − Φ)");
    });
  });

  it('a pooled proportion of 0 or 1 gives statistic 0 and p = 1', () => {
    assert.deepEqual(proportionZTest(0, 10, 0, 20), { statistic: 0, pValue: 1 });
    assert.deepEqual(proportionZTest(10, 10, 20, 20), { statistic: 0, pValue: 1 });
  });

  it('refuses an empty sample', () => {
    assert.throws(() => proportionZTest(0, 0, 1, 2), RangeError);
  });
});
