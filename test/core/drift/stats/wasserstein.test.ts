import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { energyDistance } from '../../../../core/drift/stats/energy-distance.js';
import { normedWasserstein, wassersteinDistance } from '../../../../core/drift/stats/wasserstein.js';
import { runScipy } from '../../../support/scipy.js';
import { assertRelativelyClose } from './assert-close.js';
import { generatedPairs, normalSample, seededUniform, tiedSample, type SamplePair } from './sample-cases.js';

const SIZES = [
  [1, 1],
  [1, 9],
  [2, 2],
  [3, 5],
  [25, 13],
  [1000, 1200],
  [50_000, 70_000],
  [1_000_000, 1_000_000],
] as const;
const uniform = seededUniform(7);
const same = normalSample(100, 0, 1, uniform);
const EDGE_CASES: SamplePair[] = [
  { label: 'identical samples (0)', ref: same, cur: same },
  {
    label: 'disjoint samples',
    ref: normalSample(300, 0, 1, uniform),
    cur: normalSample(200, 50, 2, uniform),
  },
  { label: 'one value each', ref: Float64Array.of(2), cur: Float64Array.of(-3) },
  {
    label: 'constant reference (σ floored at 0.001)',
    ref: new Float64Array(50).fill(4),
    cur: tiedSample(40, 3, uniform),
  },
  {
    label: 'large offset, tiny spread',
    ref: normalSample(5000, 1e6, 1e-2, uniform),
    cur: normalSample(4000, 1e6 + 3e-3, 1e-2, uniform),
  },
];
const CASES = [...generatedPairs(SIZES, 5), ...EDGE_CASES];

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
    w = stats.wasserstein_distance(a, b)
    result.append([w, w / max(np.std(a), 0.001), stats.energy_distance(a, b)])
`;

describe('Wasserstein and energy distances agree with scipy.stats (1.10)', () => {
  const reference = runScipy(SCRIPT, CASES.length, arrays) as [number, number, number][];

  CASES.forEach((c, i) => {
    it(`${c.label} (${c.ref.length}+${c.cur.length})`, () => {
      const [wasserstein, normed, energy] = reference[i]!;
      if (wasserstein === 0) {
        assert.equal(wassersteinDistance(c.ref, c.cur), 0);
        assert.equal(energyDistance(c.ref, c.cur), 0);
        return;
      }
      assertRelativelyClose(wassersteinDistance(c.ref, c.cur), wasserstein, 1e-9, 'wasserstein_distance');
      assertRelativelyClose(normedWasserstein(c.ref, c.cur), normed, 1e-9, 'normed Wasserstein (Evidently)');
      assertRelativelyClose(energyDistance(c.ref, c.cur), energy, 1e-9, 'energy_distance');
    });
  });

  it('is symmetric and refuses empty samples', () => {
    const [a, b] = [normalSample(30, 0, 1, uniform), normalSample(20, 1, 1, uniform)];
    assert.equal(wassersteinDistance(a, b), wassersteinDistance(b, a));
    assert.throws(() => wassersteinDistance(new Float64Array(0), a), RangeError);
    assert.throws(() => energyDistance(a, new Float64Array(0)), RangeError);
  });
});
