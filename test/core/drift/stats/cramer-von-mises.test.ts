import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cramerVonMises2Samp } from '../../../../core/drift/stats/cramer-von-mises.js';
import { cramerVonMisesLimitCdf } from '../../../../core/drift/stats/cramer-von-mises-limit-cdf.js';
import { runScipy } from '../../../support/scipy.js';
import { PYTHON_ENCODE, assertAbsolutelyClose, assertRelativelyClose, fromPython } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, toLists, type SamplePair } from './sample-cases.js';

const SIZES = [
  [2, 2],
  [2, 3],
  [3, 5],
  [5, 5],
  [7, 13],
  [10, 20],
  [19, 20],
  [20, 20],
  [20, 21],
  [25, 13],
  [50, 60],
  [200, 150],
  [1000, 1200],
  [5000, 300],
  [20000, 30000],
  [200000, 200000],
] as const;

const uniform = seededUniform(2024);
const same = normalSample(40, 0, 1, uniform);
const sameSmall = normalSample(12, 0, 1, uniform);
const of = (...values: number[]) => Float64Array.from(values);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples (standardized T below 0.003: p = 1)', ref: same, cur: same },
  { label: 'identical small samples (exact)', ref: sameSmall, cur: sameSmall },
  {
    label: 'disjoint samples (series truncated at 1e-7)',
    ref: normalSample(3000, 0, 1, uniform),
    cur: normalSample(3000, 20, 1, uniform),
  },
  { label: 'disjoint small samples (exact)', ref: of(1, 2, 3, 4, 5), cur: of(6, 7, 8, 9, 10, 11, 12) },
  { label: 'all values equal (exact)', ref: of(5, 5, 5), cur: of(5, 5) },
  {
    label: 'all values equal (asymptotic)',
    ref: new Float64Array(30).fill(2),
    cur: new Float64Array(25).fill(2),
  },
  { label: 'two values, many ties (exact)', ref: of(0, 0, 0, 1), cur: of(0, 1, 1, 1, 1) },
  { label: 'one value in a sample (scipy raises)', ref: of(1), cur: of(1, 2, 3) },
  { label: 'empty sample (scipy raises)', ref: of(), cur: of(1, 2, 3) },
];
const CASES = [...generatedPairs(SIZES, 29), ...EDGE_CASES];
const LIMIT_POINTS = [0.003, 0.01, 0.05, 0.1, 0.2, 0.4619, 0.75, 1, 2, 4, 10, 100, 1e4, 1e6];

const SCRIPT = `${PYTHON_ENCODE}
import warnings
warnings.simplefilter('ignore')
from scipy import stats
from scipy.stats._hypotests import _cdf_cvm_inf
cases, points = data
tests = []
for x, y in cases:
    try:
        r = stats.cramervonmises_2samp(x, y)
        tests.append([enc(r.statistic), enc(r.pvalue)])
    except ValueError:
        tests.append(None)
result = [tests, [enc(_cdf_cvm_inf(x)) for x in points]]
`;

describe('cramerVonMises2Samp agrees with scipy.stats.cramervonmises_2samp (1.10)', () => {
  const [tests, limitCdf] = runScipy(SCRIPT, [toLists(CASES), LIMIT_POINTS]) as [
    ([number | string, number | string] | null)[],
    (number | string)[],
  ];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const result = cramerVonMises2Samp(c.ref, c.cur);
      assert.equal(result.method, Math.max(c.ref.length, c.cur.length) > 20 ? 'asymptotic' : 'exact');
      const expected = tests[i];
      if (expected === null || expected === undefined) {
        assert.ok(
          Number.isNaN(result.statistic) && Number.isNaN(result.pValue),
          `expected NaN, got ${result.statistic}`,
        );
        return;
      }
      assertRelativelyClose(result.statistic, fromPython(expected[0]), 1e-9, 'statistic');
      assertAbsolutelyClose(result.pValue, fromPython(expected[1]), 1e-9, 'p-value');
    });
  });

  it('limiting CDF matches _cdf_cvm_inf from 0.003 to 10^6', () => {
    LIMIT_POINTS.forEach((x, i) =>
      assertAbsolutelyClose(cramerVonMisesLimitCdf(x), fromPython(limitCdf[i]!), 1e-12, `x = ${x}`),
    );
  });

  it('covers p = 1, tiny p and p-values in between, exact and asymptotic', () => {
    const results = CASES.map((c) => cramerVonMises2Samp(c.ref, c.cur));
    for (const method of ['exact', 'asymptotic'] as const) {
      const ps = results.filter((r) => r.method === method).map((r) => r.pValue);
      assert.ok(
        ps.some((p) => p > 0.01 && p < 0.99),
        `${method}: some p-value in between`,
      );
    }
    assert.ok(results.some((r) => r.method === 'asymptotic' && r.pValue === 1));
    assert.ok(results.some((r) => r.method === 'asymptotic' && r.pValue < 1e-6));
  });
});
