import type { DriftColumnKind, DriftTestName } from './drift-result.js';
import { MAX_CATEGORICAL_DISTINCT, SMALL_REFERENCE_ROWS } from './drift-defaults.js';

/**
 * Evidently's default test for a column, with one correction: a binary column gets the two-proportion
 * z-test only when it really has two values; more categories get χ² (Evidently applies the z-test's
 * formula to any categorical column of a small reference, which is not a valid test for k > 2).
 */
export function defaultTest(kind: DriftColumnKind, referenceValues: number, distinct: number): DriftTestName {
  const small = referenceValues <= SMALL_REFERENCE_ROWS;
  if (kind === 'numerical' && distinct > MAX_CATEGORICAL_DISTINCT) return small ? 'ks' : 'wasserstein';
  if (!small) return 'jensenshannon';
  return distinct <= 2 ? 'z' : 'chisquare';
}
