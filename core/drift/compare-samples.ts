import {
  andersonDarlingKSample,
  chiSquareHomogeneity,
  cramerVonMises2Samp,
  energyDistance,
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  ks2Samp,
  mannWhitneyU,
  normedWasserstein,
  populationStabilityIndex,
  proportionZTest,
  totalVariationDistance,
  welchTTest,
} from './stats/index.js';
import type { DriftTestName } from './drift-result.js';

/** Both sides of a column, prepared once and shared by whichever test runs. */
export interface PreparedColumn {
  /** Ascending finite values (numeric columns). */
  reference?: Float64Array;
  current?: Float64Array;
  /** Aligned counts per category or per bin, for frequency tests. */
  counts(): { reference: Float64Array; current: Float64Array };
}

export interface TestOutcome {
  statistic: number;
  pValue?: number;
}

/** Runs one named test on a prepared column. */
export function compareSamples(test: DriftTestName, column: PreparedColumn): TestOutcome {
  const { reference: ref, current: cur } = column;
  const numeric = () => {
    if (!ref || !cur) throw new Error(`${test} needs numeric values`);
    return [ref, cur] as const;
  };
  switch (test) {
    case 'ks': {
      const r = ks2Samp(...numeric());
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'wasserstein':
      return { statistic: normedWasserstein(...numeric()) };
    case 'ed':
      return { statistic: energyDistance(...numeric()) };
    case 'anderson': {
      const r = andersonDarlingKSample(...numeric());
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'cramer_von_mises': {
      const r = cramerVonMises2Samp(...numeric());
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'mannw': {
      const r = mannWhitneyU(...numeric());
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 't_test': {
      const r = welchTTest(...numeric());
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'chisquare': {
      const { reference, current } = column.counts();
      const r = chiSquareHomogeneity(reference, current);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'z': {
      const { reference, current } = column.counts();
      // Two categories: the share of the first; one category: nothing can differ.
      const refTotal = sum(reference);
      const curTotal = sum(current);
      const r = proportionZTest(reference[0] ?? 0, refTotal, current[0] ?? 0, curTotal);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'jensenshannon':
      return frequency(column, jensenShannonDistance);
    case 'psi':
      return frequency(column, populationStabilityIndex);
    case 'kl_div':
      return frequency(column, klDivergence);
    case 'hellinger':
      return frequency(column, hellingerDistance);
    case 'tvd':
      return frequency(column, totalVariationDistance);
  }
}

function frequency(
  column: PreparedColumn,
  distance: (a: Float64Array, b: Float64Array) => number,
): TestOutcome {
  const { reference, current } = column.counts();
  return { statistic: distance(reference, current) };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
