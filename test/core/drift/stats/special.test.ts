import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chi2Sf,
  logGamma,
  normalCdf,
  normalSf,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
  studentTSf,
} from '../../../../core/drift/stats/special.js';
import { runScipy } from '../../../support/scipy.js';

/**
 * Each function is checked against scipy.special (1.10) and against mpmath at 60 digits. scipy's
 * Cephes and CDFLIB routines are themselves off by up to ~1e-10 in places (log Γ next to its zeros,
 * betainc and gammainc with large parameters, stdtr with df in the millions), so the assertion is:
 * within TOLERANCE of the exact value, and within TOLERANCE of scipy wherever scipy is itself that
 * close to the exact value (elsewhere no farther from scipy than scipy is from the exact value).
 * Deep tails get a few ulps of |log value| on top: there the exponent itself is a rounded number of
 * that size, in scipy as here.
 */
const TOLERANCE = 1e-14;

const points = {
  normal: [] as number[],
  logGamma: [] as number[],
  gamma: [] as [number, number][],
  chi2: [] as [number, number][],
  beta: [] as [number, number, number][],
  studentT: [] as [number, number][],
};
for (let x = -38; x <= 38; x += 0.37) points.normal.push(x);
points.normal.push(0, 1e-300, -1e-10, 0.7, -0.7, 0.70710678, 1.41421356, -1.41421357, -37.5, -38.5, 40);
points.logGamma.push(1e-300, 1e-10, 1e-3, 0.3, 0.4999, 0.5, 0.9, 0.99, 0.999999, 1, 1.000001, 1.01, 1.3);
points.logGamma.push(1.4999, 1.5, 1.7, 1.99, 2, 2.00001, 2.3, 2.5, 2.5001, 3.7, 7.5, 9.99, 10, 10.01);
points.logGamma.push(33.3, 171.5, 1e4, 1e7, 1e15, 1e300, -0.5, -1.5, -2.3, -10.7, -100.25);
for (const a of [1e-3, 0.1, 0.5, 0.9, 1, 1.5, 3, 9.5, 10, 10.5, 30, 100, 1000, 1e4, 1e5]) {
  for (const f of [1e-3, 0.1, 0.5, 0.8, 0.95, 0.99, 1, 1.01, 1.05, 1.2, 2, 5, 20])
    points.gamma.push([a, a * f]);
}
for (const a of [1e-3, 0.1, 0.5, 0.9]) {
  for (const x of [1e-6, 0.01, 0.2, 0.3, 0.5, 1, 1.5, 1.9, 2.1, 5, 30]) points.gamma.push([a, x]);
}
for (const df of [1, 2, 3, 4, 7, 10, 25, 99, 1000, 30000]) {
  for (const f of [0.01, 0.3, 0.8, 1, 1.2, 2, 4, 10]) points.chi2.push([df * f, df]);
}
for (const a of [0.5, 1, 2.5, 10, 50, 300]) {
  for (const b of [0.5, 1, 3, 20, 200]) {
    for (const x of [1e-5, 0.01, 0.2, 0.5, 0.8, 0.99, 0.9999]) points.beta.push([a, b, x]);
  }
}
// Large a with b ≤ 1 (and mirrored), the expansion's territory, on both sides of its switches.
for (const a of [29, 31, 100, 5e3, 2e5, 5e6]) {
  for (const b of [0.1, 0.5, 1]) {
    for (const scale of [0.01, 0.3, 1, 2, 10, 60]) {
      const x = Math.exp(-(scale * b) / a);
      points.beta.push([a, b, x], [b, a, 1 - x]);
    }
  }
}
for (const df of [1, 2, 3, 4.5, 10, 29.7, 61, 100, 1000, 1e4, 4e5, 1e7]) {
  for (const t of [-30, -5, -2.5, -2, -1, -0.1, 0.1, 0.5, 1, 2, 3, 5, 8, 15, 40])
    points.studentT.push([t, df]);
}

const SCRIPT = `
import mpmath
import scipy.special as sc
from scipy import stats
mpmath.mp.dps = 60
mpf = mpmath.mpf

def lower_upper_gamma(a, x):
    a, x = mpf(a), mpf(x)
    p = mpmath.exp(a * mpmath.log(x) - x - mpmath.loggamma(a + 1)) * mpmath.hyp1f1(1, a + 1, x, maxterms=10**7)
    q = mpmath.gammainc(a, x, mpmath.inf, regularized=True) if x > a + 1 else 1 - p
    return [float(p), float(q)]

def student_sf(t, df):
    t, df = mpf(t), mpf(df)
    tail = mpmath.betainc(df / 2, mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return float(tail if t > 0 else 1 - tail)

result = {
    'normal': [[sc.ndtr(x), stats.norm.sf(x), float(mpmath.ncdf(x)), float(mpmath.ncdf(-mpf(x)))] for x in data['normal']],
    'logGamma': [[sc.gammaln(x), float(mpmath.log(abs(mpmath.gamma(mpf(x)))))] for x in data['logGamma']],
    'gamma': [[sc.gammainc(a, x), sc.gammaincc(a, x), *lower_upper_gamma(a, x)] for a, x in data['gamma']],
    'chi2': [[sc.chdtrc(df, x), lower_upper_gamma(df / 2, x / 2)[1]] for x, df in data['chi2']],
    'beta': [[sc.betainc(a, b, x), float(mpmath.betainc(a, b, 0, x, regularized=True))] for a, b, x in data['beta']],
    'studentT': [[sc.stdtr(df, -t), stats.t.sf(t, df), student_sf(t, df)] for t, df in data['studentT']],
}
`;
const reference = runScipy(SCRIPT, points) as Record<keyof typeof points, number[][]>;

function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

function assertAgrees(actual: number, scipy: number, exact: number, what: string): void {
  const tolerance = TOLERANCE + 4 * Number.EPSILON * Math.abs(Math.log(Math.abs(exact)));
  const fromExact = relativeError(actual, exact);
  const scipyFromExact = relativeError(scipy, exact);
  const fromScipy = relativeError(actual, scipy);
  assert.ok(fromExact <= tolerance, `${what}: ${actual} vs exact ${exact} (relative error ${fromExact})`);
  assert.ok(
    fromScipy <= Math.max(tolerance, 2 * scipyFromExact),
    `${what}: ${actual} vs scipy ${scipy} (relative error ${fromScipy}; scipy is ${scipyFromExact} from exact)`,
  );
}

describe('special functions agree with scipy.special and with mpmath', () => {
  it('normalCdf = ndtr and normalSf = norm.sf, into both tails', () => {
    points.normal.forEach((x, i) => {
      const [cdf, sf, exactCdf, exactSf] = reference.normal[i]!;
      // Below the point where exp(−x²/2) would be subnormal, scipy (Cephes) returns 0, and so do we.
      if (cdf === 0) assert.equal(normalCdf(x), 0, `normalCdf(${x})`);
      else assertAgrees(normalCdf(x), cdf!, exactCdf!, `normalCdf(${x})`);
      if (sf === 0) assert.equal(normalSf(x), 0, `normalSf(${x})`);
      else assertAgrees(normalSf(x), sf!, exactSf!, `normalSf(${x})`);
    });
  });

  it('logGamma = gammaln, including next to the zeros at 1 and 2 and for negative x', () => {
    points.logGamma.forEach((x, i) => {
      const [scipy, exact] = reference.logGamma[i]!;
      if (exact === 0) assert.equal(logGamma(x), 0, `logGamma(${x})`);
      else assertAgrees(logGamma(x), scipy!, exact!, `logGamma(${x})`);
    });
    assert.equal(logGamma(0), Infinity);
    assert.equal(logGamma(-3), Infinity);
    assert.ok(Number.isNaN(logGamma(NaN)));
  });

  it('regularizedGammaP = gammainc and regularizedGammaQ = gammaincc, each where it is small', () => {
    points.gamma.forEach(([a, x], i) => {
      const [p, q, exactP, exactQ] = reference.gamma[i]!;
      assertAgrees(regularizedGammaP(a, x), p!, exactP!, `P(${a}, ${x})`);
      assertAgrees(regularizedGammaQ(a, x), q!, exactQ!, `Q(${a}, ${x})`);
    });
  });

  it('chi2Sf = chdtrc', () => {
    points.chi2.forEach(([x, df], i) => {
      const [scipy, exact] = reference.chi2[i]!;
      assertAgrees(chi2Sf(x, df), scipy!, exact!, `chi2Sf(${x}, ${df})`);
    });
    assert.equal(chi2Sf(0, 3), 1);
    assert.equal(chi2Sf(-1, 3), 1);
  });

  it('regularizedIncompleteBeta = betainc, also with one parameter in the millions', () => {
    points.beta.forEach(([a, b, x], i) => {
      const [scipy, exact] = reference.beta[i]!;
      assertAgrees(regularizedIncompleteBeta(a, b, x), scipy!, exact!, `I(${a}, ${b}, ${x})`);
    });
    assert.equal(regularizedIncompleteBeta(2, 3, 0), 0);
    assert.equal(regularizedIncompleteBeta(2, 3, 1), 1);
  });

  it('studentTSf = stdtr(df, −t) = t.sf, for df from 1 to 10⁷', () => {
    points.studentT.forEach(([t, df], i) => {
      const [stdtr, sf, exact] = reference.studentT[i]!;
      assert.equal(stdtr, sf, 'scipy: stdtr(df, −t) is t.sf(t, df)');
      const value = studentTSf(t, df);
      if (exact === 0) assert.ok(value < 1e-300, `studentTSf(${t}, ${df}) = ${value}`);
      else assertAgrees(value, stdtr!, exact!, `studentTSf(${t}, ${df})`);
    });
    assert.equal(studentTSf(0, 5), 0.5);
    assert.equal(studentTSf(2, Infinity), normalSf(2));
  });
});
