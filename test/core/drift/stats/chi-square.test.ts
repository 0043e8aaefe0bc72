import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chiSquareHomogeneity } from '../../../../core/drift/stats/chi-square.js';
import { runScipy } from '../../../support/scipy.js';
import { assertAbsolutelyClose, assertRelativelyClose } from './assert-close.js';
import { seededUniform } from './sample-cases.js';

const uniform = seededUniform(23);
const counts = (k: number, total: number, skew = 0) =>
  Array.from({ length: k }, (_, i) => 1 + Math.floor(uniform() * total * (1 + skew * i)));

const CASES: { label: string; ref: number[]; cur: number[] }[] = [
  { label: 'two categories (dof 1, Yates)', ref: [30, 70], cur: [45, 55] },
  { label: 'dof 1, tiny counts (Yates shift capped by |O − E|)', ref: [1, 2], cur: [2, 1] },
  { label: 'dof 1, identical shares (shift reaches expected)', ref: [10, 20], cur: [20, 40] },
  { label: 'dof 1, large counts', ref: [400_000, 600_000], cur: [410_000, 590_000] },
  { label: 'dof 1, one category empty in a sample', ref: [0, 50], cur: [5, 45] },
  { label: 'three categories', ref: [10, 20, 30], cur: [12, 18, 35] },
  { label: 'many categories, same distribution', ref: counts(40, 1000), cur: counts(40, 1000) },
  { label: 'many categories, drifted', ref: counts(25, 500), cur: counts(25, 500, 0.3) },
  {
    label: 'large totals, strong drift (p underflows towards 0)',
    ref: [900_000, 50_000, 50_000],
    cur: [50_000, 50_000, 900_000],
  },
  { label: 'unequal totals', ref: [3, 1, 4, 1, 5], cur: [900, 200, 600, 500, 300] },
];

describe('chiSquareHomogeneity agrees with scipy.stats.chi2_contingency([ref, cur]) (1.10)', () => {
  const reference = runScipy(
    `from scipy import stats
result = [list(stats.chi2_contingency(np.array([r, c]))[:3]) for r, c in data]`,
    CASES.map((c) => [c.ref, c.cur]),
  ) as [number, number, number][];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const result = chiSquareHomogeneity(c.ref, c.cur);
      const [statistic, pValue, dof] = reference[i]!;
      assertRelativelyClose(result.statistic, statistic, 1e-9, 'statistic');
      assertAbsolutelyClose(result.pValue, pValue, 1e-9, 'p-value');
      if (pValue > 1e-300) assertRelativelyClose(result.pValue, pValue, 1e-9, 'p-value (relative)');
      assert.equal(result.dof, dof);
    });
  });

  it('a single category has nothing to compare: statistic 0, p = 1, dof 0 (as scipy)', () => {
    assert.deepEqual(chiSquareHomogeneity([5], [9]), { statistic: 0, pValue: 1, dof: 0 });
  });

  it('refuses empty samples, categories absent from both and mismatched lengths', () => {
    assert.throws(() => chiSquareHomogeneity([0, 0], [1, 2]), RangeError);
    assert.throws(() => chiSquareHomogeneity([1, 0, 2], [1, 0, 3]), RangeError);
    assert.throws(() => chiSquareHomogeneity([1, 2], [1, 2, 3]), RangeError);
  });
});
