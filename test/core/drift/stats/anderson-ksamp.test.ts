import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { andersonDarlingKSample } from '../../../../core/drift/stats/anderson-ksamp.js';
import { runScipy } from '../../../support/scipy.js';
import { PYTHON_ENCODE, assertAbsolutelyClose, assertRelativelyClose, fromPython } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, toLists, type SamplePair } from './sample-cases.js';

const SIZES = [
  [1, 9],
  [2, 2],
  [3, 5],
  [8, 8],
  [20, 20],
  [25, 13],
  [50, 60],
  [200, 150],
  [1000, 1200],
  [5000, 300],
  [20000, 30000],
  [200000, 200000],
] as const;

const uniform = seededUniform(404);
const same = normalSample(50, 0, 1, uniform);
const of = (...values: number[]) => Float64Array.from(values);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples', ref: same, cur: same },
  {
    label: 'small shift, inside the interpolation range',
    ref: normalSample(80, 0, 1, uniform),
    cur: normalSample(90, 0.35, 1, uniform),
  },
  {
    label: 'disjoint samples',
    ref: normalSample(100, 0, 1, uniform),
    cur: normalSample(100, 10, 1, uniform),
  },
  { label: 'N = 4, one value alone', ref: of(1), cur: of(2, 3, 4) },
  { label: 'N = 3 (scipy: NaN)', ref: of(1), cur: of(2, 3) },
  { label: 'N = 2 (scipy raises)', ref: of(1), cur: of(2) },
  { label: 'one distinct value (scipy raises)', ref: of(5, 5, 5), cur: of(5, 5) },
  { label: 'empty sample (scipy raises)', ref: of(), cur: of(1, 2, 3) },
  { label: 'two values, many ties', ref: of(0, 0, 0, 1), cur: of(0, 1, 1, 1, 1) },
];
const CASES = [...generatedPairs(SIZES, 17), ...EDGE_CASES];

const SCRIPT = `${PYTHON_ENCODE}
import warnings
warnings.simplefilter('ignore')
from scipy import stats
result = []
for x, y in data:
    try:
        r = stats.anderson_ksamp([x, y])
        result.append([enc(r.statistic), enc(r.pvalue), [float(c) for c in r.critical_values]])
    except (ValueError, IndexError):
        result.append(None)
`;

describe('andersonDarlingKSample agrees with scipy.stats.anderson_ksamp (1.10)', () => {
  const reference = runScipy(SCRIPT, toLists(CASES)) as (
    [number | string, number | string, number[]] | null
  )[];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const result = andersonDarlingKSample(c.ref, c.cur);
      const expected = reference[i];
      if (expected === null || expected === undefined) {
        // scipy raises ValueError (or IndexError for N = 2): reported as NaN here.
        assert.ok(
          Number.isNaN(result.statistic) && Number.isNaN(result.pValue),
          `expected NaN, got ${result.statistic}`,
        );
        return;
      }
      assertRelativelyClose(result.statistic, fromPython(expected[0]), 1e-9, 'statistic');
      assertAbsolutelyClose(result.pValue, fromPython(expected[1]), 1e-9, 'p-value');
      assert.deepEqual(result.criticalValues, expected[2]);
    });
  });

  it('covers the capped and the interpolated p-values', () => {
    const ps = CASES.map((c) => andersonDarlingKSample(c.ref, c.cur).pValue);
    assert.ok(ps.includes(0.25), 'some statistic below the 25% critical value');
    assert.ok(ps.includes(0.001), 'some statistic above the 0.1% critical value');
    assert.ok(
      ps.some((p) => p > 0.001 && p < 0.25),
      'some statistic in the interpolation range',
    );
  });
});
