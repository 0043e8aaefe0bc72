import type { DriftColumnKind } from './drift-result.js';
import type { DriftTestName } from './drift-tests.js';
import { MAX_CATEGORICAL_DISTINCT, SMALL_REFERENCE_ROWS } from './drift-defaults.js';

/**
 * Evidently's default test for a column (`_get_default_stattest`), with one correction: a binary
 * column gets the two-proportion z-test only when it really has two values; more categories get χ²
 * (Evidently applies the z-test's formula to any categorical column of a small reference, which is
 * not a valid test for k > 2).
 *
 * As in Evidently, the size is the reference's values left after dropping missing and infinite ones,
 * and the distinct count is over reference and current together (`pd.concat([ref, cur]).nunique()`):
 * a column with one value in the reference and three across both sides has three categories, and
 * gets χ², not the z-test.
 */
export function defaultTest(
  kind: DriftColumnKind,
  referenceValues: number,
  distinctInBoth: number,
): DriftTestName {
  const small = referenceValues <= SMALL_REFERENCE_ROWS;
  if (kind === 'numerical' && distinctInBoth > MAX_CATEGORICAL_DISTINCT) return small ? 'ks' : 'wasserstein';
  if (!small) return 'jensenshannon';
  return distinctInBoth <= 2 ? 'z' : 'chisquare';
}
