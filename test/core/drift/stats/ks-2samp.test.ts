import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ks2Samp } from '../../../../core/drift/stats/ks-2samp.js';
import { runScipy } from '../../../support/scipy.js';
import { assertAbsolutelyClose, assertRelativelyClose } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, tiedSample, type SamplePair } from './sample-cases.js';

// Both branches and both exact methods (equal and unequal sizes), up to the 10 000 switch and past it.
const SIZES = [
  [1, 1],
  [1, 7],
  [2, 2],
  [3, 5],
  [8, 8],
  [25, 13],
  [50, 60],
  [99, 250],
  [1000, 1200],
  [3000, 3000],
  [7000, 5000],
  [10_000, 9999],
  [10_000, 10_000],
  [10_001, 50],
  [15_000, 130],
  [30_000, 300],
  [20_000, 20_000],
  [200_000, 150_000],
] as const;

const uniform = seededUniform(41);
const same = normalSample(40, 0, 1, uniform);
const shifted = (values: Float64Array, by: number) => values.map((v) => v + by);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples (D = 0, p = 1)', ref: same, cur: same },
  {
    label: 'disjoint samples (D = 1)',
    ref: normalSample(30, 0, 1, uniform),
    cur: shifted(normalSample(20, 0, 1, uniform), 100),
  },
  {
    label: 'disjoint large samples (asymptotic, p = 0)',
    ref: normalSample(12_000, 0, 1, uniform),
    cur: shifted(normalSample(11_000, 0, 1, uniform), 100),
  },
  { label: 'one value each, equal', ref: Float64Array.of(1), cur: Float64Array.of(1) },
  { label: 'one value against many', ref: Float64Array.of(0.2), cur: normalSample(9, 0, 1, uniform) },
  { label: 'heavy ties', ref: tiedSample(400, 2, uniform), cur: tiedSample(300, 2, uniform) },
  {
    label: 'small shift, exact, p near 1',
    ref: normalSample(500, 0, 1, uniform),
    cur: normalSample(700, 0.01, 1, uniform),
  },
  {
    label: 'huge n, one-sided Smirnov region',
    ref: normalSample(400_000, 0, 1, uniform),
    cur: normalSample(300_000, 0.01, 1, uniform),
  },
  {
    label: 'huge n, Pelz–Good region',
    ref: normalSample(300_000, 0, 1, uniform),
    cur: normalSample(300_000, 0.002, 1, uniform),
  },
  {
    label: 'asymptotic with n ≤ 140 (Durbin/Pomeranz)',
    ref: normalSample(20_000, 0, 1, uniform),
    cur: normalSample(60, 0.2, 1, uniform),
  },
];
const CASES = [...generatedPairs(SIZES, 9), ...EDGE_CASES];

// Samples go to Python as raw float64 files (hundreds of thousands of values each).
const arrays: Record<string, Float64Array> = {};
CASES.forEach((c, i) => {
  arrays[`r${i}`] = c.ref;
  arrays[`c${i}`] = c.cur;
});
const SCRIPT = `
from scipy import stats
result = []
for i in range(data):
    a, b = arrays[f'r{i}'], arrays[f'c{i}']
    r = stats.ks_2samp(a, b)
    result.append([r.statistic, r.pvalue, 'exact' if max(a.size, b.size) <= 10000 else 'asymp'])
`;

describe('ks2Samp agrees with scipy.stats.ks_2samp (1.10, method=auto)', () => {
  const reference = runScipy(SCRIPT, CASES.length, arrays) as [number, number, string][];

  CASES.forEach((c, i) => {
    it(`${c.label} (${c.ref.length}+${c.cur.length})`, () => {
      const result = ks2Samp(c.ref, c.cur);
      const [statistic, pValue, method] = reference[i]!;
      assertRelativelyClose(result.statistic, statistic, 1e-12, 'statistic');
      assertAbsolutelyClose(result.pValue, pValue, 1e-9, 'p-value');
      // The exact p-value also agrees in relative terms, far into the tail.
      if (method === 'exact' && pValue > 1e-300)
        assertRelativelyClose(result.pValue, pValue, 1e-9, 'exact p-value');
      assert.equal(result.method, method);
    });
  });

  it('refuses an empty sample, as scipy does', () => {
    assert.throws(() => ks2Samp(new Float64Array(0), Float64Array.of(1)), RangeError);
  });
});
