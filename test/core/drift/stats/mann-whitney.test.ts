import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mannWhitneyU } from '../../../../core/drift/stats/mann-whitney.js';
import { runScipy } from '../../../support/scipy.js';
import { PYTHON_ENCODE, assertAbsolutelyClose, assertRelativelyClose, fromPython } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, toLists, type SamplePair } from './sample-cases.js';

const SIZES = [
  [1, 1],
  [1, 7],
  [2, 2],
  [3, 5],
  [7, 7],
  [8, 8],
  [8, 9],
  [9, 9],
  [5, 40],
  [8, 500],
  [25, 13],
  [50, 60],
  [200, 150],
  [1000, 1200],
  [5000, 300],
  [20000, 30000],
  [200000, 200000],
] as const;

const uniform = seededUniform(77);
const same = normalSample(30, 0, 1, uniform);
const of = (...values: number[]) => Float64Array.from(values);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples (ties everywhere)', ref: same, cur: same },
  {
    label: 'all values equal (spread 0: p = 1)',
    ref: new Float64Array(40).fill(3),
    cur: new Float64Array(50).fill(3),
  },
  { label: 'one pair, tied (asymptotic)', ref: of(1), cur: of(1) },
  { label: 'disjoint small samples (exact)', ref: of(1, 2, 3), cur: of(4, 5, 6, 7) },
  {
    label: 'disjoint large samples',
    ref: normalSample(3000, 0, 1, uniform),
    cur: normalSample(2000, 50, 1, uniform),
  },
  {
    label: 'boolean-like column (two huge tie groups)',
    ref: tiedBits(150000, 0.3),
    cur: tiedBits(120000, 0.32),
  },
  { label: 'empty sample (scipy raises)', ref: of(), cur: of(1, 2) },
];
const CASES = [...generatedPairs(SIZES, 5), ...EDGE_CASES];

function tiedBits(n: number, p: number): Float64Array {
  return Float64Array.from({ length: n }, () => (uniform() < p ? 1 : 0)).sort();
}

const SCRIPT = `${PYTHON_ENCODE}
import warnings
warnings.simplefilter('ignore')
from scipy import stats
result = []
for x, y in data:
    try:
        r = stats.mannwhitneyu(x, y, use_continuity=True, alternative='two-sided', method='auto')
        result.append([enc(r.statistic), enc(r.pvalue)])
    except ValueError:
        result.append(None)
`;

describe('mannWhitneyU agrees with scipy.stats.mannwhitneyu (1.10)', () => {
  const reference = runScipy(SCRIPT, toLists(CASES)) as ([number | string, number | string] | null)[];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const result = mannWhitneyU(c.ref, c.cur);
      const expected = reference[i];
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

  it('uses the exact distribution only when a sample has at most 8 values and nothing is tied', () => {
    assert.equal(mannWhitneyU(of(1, 2, 3), of(4, 5, 6, 7)).method, 'exact');
    assert.equal(
      mannWhitneyU(
        of(1, 2, 3),
        Float64Array.from({ length: 1000 }, (_, i) => i + 0.5),
      ).method,
      'exact',
    );
    assert.equal(mannWhitneyU(of(1, 2, 3), of(3, 5, 6, 7)).method, 'asymptotic');
    const nine = Float64Array.from({ length: 9 }, (_, i) => i);
    assert.equal(
      mannWhitneyU(
        nine,
        nine.map((v) => v + 0.5),
      ).method,
      'asymptotic',
    );
  });

  it('computes an exact p-value for 8 values against a million in well under a second', () => {
    const big = Float64Array.from({ length: 1_000_000 }, (_, i) => i + 0.5);
    const small = of(100.25, 2e5, 3e5, 4e5, 5e5, 6e5, 7e5, 999_000);
    const started = performance.now();
    const result = mannWhitneyU(small, big);
    assert.equal(result.method, 'exact');
    assert.ok(result.pValue > 0.05 && result.pValue <= 1);
    assert.ok(performance.now() - started < 1000);
  });
});
