import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { besselKQuarter } from '../../../../core/drift/stats/bessel-k-quarter.js';
import { runScipy } from '../../../support/scipy.js';
import { assertRelativelyClose } from './assert-close.js';

// Both sides of the switch at x = 2, tiny and large arguments (the CvM series uses q = (4k+1)²/16x).
const POINTS = [
  1e-12, 1e-8, 1e-4, 0.003, 0.01, 0.1, 0.25, 0.5, 0.9, 1, 1.3, 1.7, 1.99, 2, 2.01, 2.5, 3, 4.2, 6, 9, 15, 25,
  40, 83.3, 150, 300, 600,
];

describe('besselKQuarter', () => {
  const kv = runScipy(
    'from scipy.special import kv\nresult = [float(kv(0.25, x)) for x in data]',
    POINTS,
  ) as number[];

  it('matches scipy.special.kv(0.25, x) to 2e-13 relative (scipy itself is off by up to ~7e-14 near x = 2)', () => {
    POINTS.forEach((x, i) => assertRelativelyClose(besselKQuarter(x), kv[i]!, 2e-13, `K(${x})`));
  });

  it('follows the large-x asymptotic expansion', () => {
    // K_ν(x) ~ √(π/2x) e^{−x} Σ_k a_k(ν) / x^k with a_k = ∏_{j=1..k} (4ν² − (2j−1)²) / (k! 8^k);
    // at x = 400 the fifth term is below 2e-14.
    const x = 400;
    const mu = 4 * 0.25 * 0.25;
    let term = 1;
    let series = 1;
    for (let k = 1; k <= 4; k++) {
      term *= (mu - (2 * k - 1) ** 2) / (k * 8 * x);
      series += term;
    }
    assertRelativelyClose(
      besselKQuarter(x),
      Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x) * series,
      1e-13,
      'asymptotic form',
    );
  });

  it('is infinite at 0, NaN below it, and underflows to 0 far out', () => {
    assert.equal(besselKQuarter(0), Infinity);
    assert.ok(Number.isNaN(besselKQuarter(-1)));
    assert.equal(besselKQuarter(800), 0);
  });
});
