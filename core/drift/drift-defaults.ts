import type { DriftTestName } from './drift-result.js';

/** Evidently's default threshold for each test. */
export const DEFAULT_THRESHOLDS: Record<DriftTestName, number> = {
  ks: 0.05,
  chisquare: 0.05,
  z: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.1,
  kl_div: 0.1,
  hellinger: 0.1,
  tvd: 0.1,
  ed: 0.1,
  anderson: 0.05,
  cramer_von_mises: 0.05,
  mannw: 0.05,
  t_test: 0.05,
};

/** Tests whose threshold applies to a p-value (drift when p is small); the rest to a distance. */
export const P_VALUE_TESTS: ReadonlySet<DriftTestName> = new Set([
  'ks',
  'chisquare',
  'z',
  'anderson',
  'cramer_von_mises',
  'mannw',
  't_test',
]);

/** Tests that compare numbers, so they need a numeric column. */
export const NUMERIC_TESTS: ReadonlySet<DriftTestName> = new Set([
  'ks',
  'wasserstein',
  'ed',
  'anderson',
  'cramer_von_mises',
  'mannw',
  't_test',
]);

/** Evidently's size boundary: small references get p-value tests, larger ones distances. */
export const SMALL_REFERENCE_ROWS = 1000;
/** Numeric columns with at most this many distinct values are compared as categories. */
export const MAX_CATEGORICAL_DISTINCT = 5;
/** Numeric columns with more distinct reference values than this are binned for histogram distances. */
export const MAX_DISTINCT_UNBINNED = 20;
