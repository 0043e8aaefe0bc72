import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  populationStabilityIndex,
  totalVariationDistance,
} from '../../../../core/drift/stats/histogram-distances.js';
import { runScipy } from '../../../support/scipy.js';
import { assertRelativelyClose } from './assert-close.js';
import { seededUniform } from './sample-cases.js';

const uniform = seededUniform(11);
const counts = (k: number, total: number, zeros = 0) =>
  Array.from({ length: k }, (_, i) => (i < zeros ? 0 : Math.floor(uniform() * total)));

const CASES: { label: string; ref: number[]; cur: number[] }[] = [
  { label: 'two bins', ref: [30, 70], cur: [45, 55] },
  { label: 'identical shares at different totals', ref: [1, 2, 3, 4], cur: [10, 20, 30, 40] },
  { label: 'ten bins', ref: counts(10, 1000), cur: counts(10, 1000) },
  {
    label: 'empty bin in the current sample (floor 1e-4)',
    ref: [100, 200, 300, 400],
    cur: [0, 250, 350, 400],
  },
  { label: 'empty bins on both sides', ref: [0, 500, 500, 0], cur: [300, 0, 400, 300] },
  {
    label: 'a share below 1e-4 sets the floor to that share / 1e6',
    ref: [1, 99_999, 50_000],
    cur: [0, 60_000, 90_000],
  },
  { label: 'disjoint supports', ref: [10, 20, 0, 0], cur: [0, 0, 5, 5] },
  { label: 'thirty bins with zeros', ref: counts(30, 5000, 3), cur: counts(30, 5000, 5) },
  { label: 'fractional weights', ref: [0.1, 0.25, 0.65], cur: [0.3, 0.3, 0.4] },
];

// The floors are those documented in histogram-distances.ts; the formulas are the libraries'.
const SCRIPT = `
from scipy import stats
from scipy.spatial import distance
def floored(p, q):
    p, q = np.array(p, float) / np.sum(p), np.array(q, float) / np.sum(q)
    s = min(np.min(p[p > 0]), np.min(q[q > 0]))
    f = s / 1e6 if s <= 1e-4 else 1e-4
    return np.where(p == 0, f, p), np.where(q == 0, f, q)
result = []
for r, c in data:
    p, q = np.array(r, float) / np.sum(r), np.array(c, float) / np.sum(c)
    fp, fq = floored(r, c)
    result.append([
        distance.jensenshannon(r, c),
        np.sum((fp - fq) * np.log(fp / fq)),
        stats.entropy(fp, fq),
        np.sqrt(max(0.0, 1 - np.sum(np.sqrt(p * q)))),
        0.5 * np.sum(np.abs(p - q)),
    ])
`;

describe('histogram distances agree with scipy (jensenshannon, entropy) and their formulas', () => {
  const reference = runScipy(
    SCRIPT,
    CASES.map((c) => [c.ref, c.cur]),
  ) as number[][];

  CASES.forEach((c, i) => {
    it(c.label, () => {
      const [js, psi, kl, hellinger, tv] = reference[i]!;
      const check = (actual: number, expected: number, what: string) =>
        expected === 0
          ? assert.ok(Math.abs(actual) < 1e-15, `${what}: ${actual}`)
          : assertRelativelyClose(actual, expected, 1e-9, what);
      check(jensenShannonDistance(c.ref, c.cur), js!, 'jensenshannon');
      check(populationStabilityIndex(c.ref, c.cur), psi!, 'PSI');
      check(klDivergence(c.ref, c.cur), kl!, 'entropy (KL)');
      check(hellingerDistance(c.ref, c.cur), hellinger!, 'Hellinger');
      check(totalVariationDistance(c.ref, c.cur), tv!, 'total variation');
    });
  });

  it('distances of disjoint histograms reach their maxima', () => {
    assert.equal(totalVariationDistance([1, 0], [0, 1]), 1);
    assert.equal(hellingerDistance([1, 0], [0, 1]), 1);
    assertRelativelyClose(
      jensenShannonDistance([1, 0], [0, 1]),
      Math.sqrt(Math.LN2),
      1e-15,
      'JS maximum √ln 2',
    );
  });

  it('refuses mismatched bins and empty histograms', () => {
    assert.throws(() => totalVariationDistance([1, 2], [1, 2, 3]), RangeError);
    assert.throws(() => populationStabilityIndex([0, 0], [1, 2]), RangeError);
  });
});
