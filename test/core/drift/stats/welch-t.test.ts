import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { welchTTest } from '../../../../core/drift/stats/welch-t.js';
import { runScipy } from '../../../support/scipy.js';
import { PYTHON_ENCODE, assertAbsolutelyClose, assertRelativelyClose, fromPython } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, toLists, type SamplePair } from './sample-cases.js';

const SIZES = [
  [2, 2],
  [2, 9],
  [3, 5],
  [8, 8],
  [25, 13],
  [50, 60],
  [200, 150],
  [1000, 1200],
  [5000, 300],
  [20000, 30000],
  [200000, 200000],
] as const;

const uniform = seededUniform(31);
const same = normalSample(30, 0, 1, uniform);
const of = (...values: number[]) => Float64Array.from(values);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples', ref: same, cur: same },
  {
    label: 'large offset, tiny spread (no cancellation)',
    ref: normalSample(500, 1e9, 1e-3, uniform),
    cur: normalSample(700, 1e9 + 1e-4, 1e-3, uniform),
  },
  { label: 'one value in a sample (variance undefined: NaN)', ref: of(1), cur: of(1, 2, 3) },
  { label: 'both samples constant and equal (0/0: NaN)', ref: of(4, 4, 4), cur: of(4, 4) },
  { label: 'both samples constant and different (±∞, p = 0)', ref: of(4, 4, 4), cur: of(5, 5) },
  { label: 'one sample constant', ref: of(2, 2, 2, 2), cur: of(1, 2, 3, 4, 5) },
  { label: 'empty sample (scipy: NaN)', ref: of(), cur: of(1, 2, 3) },
];
const CASES = [...generatedPairs(SIZES, 3), ...EDGE_CASES];

// scipy 1.10 does not return df; it is recomputed here exactly as ttest_ind does internally.
const SCRIPT = `${PYTHON_ENCODE}
import warnings
import numpy as np
warnings.simplefilter('ignore')
from scipy import stats
from scipy.stats._stats_py import _unequal_var_ttest_denom, _var
result = []
for x, y in data:
    a, b = np.array(x, dtype=float), np.array(y, dtype=float)
    r = stats.ttest_ind(a, b, equal_var=False)
    df = _unequal_var_ttest_denom(_var(a, ddof=1), a.size, _var(b, ddof=1), b.size)[0] if a.size and b.size else float('nan')
    result.append([enc(r.statistic), enc(r.pvalue), enc(df)])
`;

describe('welchTTest agrees with scipy.stats.ttest_ind(equal_var=False) (1.10)', () => {
  const reference = runScipy(SCRIPT, toLists(CASES)) as [number | string, number | string, number | string][];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const result = welchTTest(c.ref, c.cur);
      const [statistic, pValue, df] = reference[i]!.map(fromPython) as [number, number, number];
      assertRelativelyClose(result.statistic, statistic, 1e-9, 'statistic');
      assertAbsolutelyClose(result.pValue, pValue, 1e-9, 'p-value');
      assertRelativelyClose(result.df, df, 1e-9, 'df');
    });
  });

  it('reports NaN for a single value and p = 0 for two different constants', () => {
    assert.ok(Number.isNaN(welchTTest(of(1), of(1, 2, 3)).pValue));
    assert.deepEqual(welchTTest(of(4, 4, 4), of(5, 5)), { statistic: -Infinity, pValue: 0, df: 1 });
  });
});
