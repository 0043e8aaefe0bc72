import { describe, it } from 'node:test';
import { kolmogorovSf } from '../../../../core/drift/stats/kolmogorov-sf.js';
import { smirnovSf } from '../../../../core/drift/stats/smirnov-sf.js';
import { runScipy } from '../../../support/scipy.js';
import { assertAbsolutelyClose, assertRelativelyClose } from './assert-close.js';

// x as multiples of 1/√n cover every region scipy's kolmogn picks a method by: n·x ≤ 1
// (Ruben–Gambino), n·x² against 0.754693, 2.2, 4, 18 and 370, n·x^1.5 against 1.4, x ≥ 0.5, n around
// 140 and 100 000.
// (scipy needs seconds per point for n ≥ 10⁵, so those sizes get fewer points, one per region.)
const SIZES = [1, 2, 3, 5, 10, 30, 100, 139, 140, 141, 500, 5000, 99_999, 100_000, 100_001, 500_000];
const MULTIPLES = [0.2, 0.6, 0.8, 0.87, 1, 1.2, 1.45, 1.49, 1.5, 1.7, 2, 2.5, 3, 4.3, 5, 8, 19.3, 20];
const LARGE_N_MULTIPLES = [0.3, 0.87, 1.2, 1.5, 4.3, 20];
const points: [number, number][] = [];
for (const n of SIZES) {
  for (const k of n < 50_000 ? MULTIPLES : LARGE_N_MULTIPLES)
    points.push([n, Math.min(k / Math.sqrt(n), 0.9999)]);
  for (const x of [
    0.4 / n,
    0.5 / n,
    0.75 / n,
    1 / n,
    1 - 1.5 / n,
    1 - 0.5 / n,
    0.5,
    0.51,
    0.8,
    1,
    1.5,
    0,
    -1,
  ]) {
    points.push([n, x]);
  }
}
const smirnovPoints: [number, number][] = [];
// n = 1 000 001 and above use scipy's approximation; x with 2nx² > 708 give 0.
smirnovPoints.push([1_000_000, 1e-6], [1_000_000, 1.3e-3], [200_000, 0.004], [200_000, 0.02], [50_000, 0.1]);
for (const n of [1, 2, 7, 50, 1000, 1012, 1013, 20_000, 1_000_001, 3_000_000]) {
  for (const x of [
    1e-6,
    0.3 / Math.sqrt(n),
    1 / Math.sqrt(n),
    3 / Math.sqrt(n),
    18.8 / Math.sqrt(n),
    0.2,
    0.5,
    0.9,
    1 - 1 / n,
    0,
    1,
  ]) {
    smirnovPoints.push([n, Math.min(x, 1)]);
  }
}

describe('the Kolmogorov–Smirnov distributions agree with scipy 1.10', () => {
  const [kstwo, smirnov] = runScipy(
    `from scipy import stats, special
result = [[float(stats.kstwo.sf(x, n)) for n, x in data[0]], [float(special.smirnov(n, x)) for n, x in data[1]]]`,
    [points, smirnovPoints],
  ) as [number[], number[]];

  it('kolmogorovSf = kstwo.sf in every region of its method choice', () => {
    points.forEach(([n, x], i) => {
      const expected = kstwo[i]!;
      const actual = kolmogorovSf(n, x);
      assertAbsolutelyClose(actual, expected, 1e-12, `kolmogorovSf(${n}, ${x})`);
      if (expected > 1e-250) assertRelativelyClose(actual, expected, 1e-9, `kolmogorovSf(${n}, ${x})`);
    });
  });

  it('smirnovSf = special.smirnov, to 1e-11 relative even for n in the millions (sum and quadrature)', () => {
    smirnovPoints.forEach(([n, x], i) => {
      const expected = smirnov[i]!;
      const actual = smirnovSf(n, x);
      assertAbsolutelyClose(actual, expected, 1e-13, `smirnovSf(${n}, ${x})`);
      if (expected > 1e-290) assertRelativelyClose(actual, expected, 1e-11, `smirnovSf(${n}, ${x})`);
    });
  });
});
