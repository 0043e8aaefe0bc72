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

/**
 * What the threshold judges, and which side of it is drift: a p-value drifts when it is small
 * (p < threshold; p ≤ threshold for KS, as Evidently), a statistic (a distance) when it is large.
 */
type Judgement = { judges: 'p_value'; driftWhen: '<' | '≤' } | { judges: 'statistic'; driftWhen: '≥' };

/**
 * What it compares — `numbers`: both sides' ascending values (so it needs a numeric column);
 * `frequencies`: aligned counts per category or per bin — and how it runs on a prepared column.
 */
interface Comparison {
  compares: 'numbers' | 'frequencies';
  run(column: PreparedColumn): TestOutcome;
}

export type DriftTest = Judgement &
  Comparison & {
    /** How reports name the test. */
    label: string;
    /** Evidently's default threshold. */
    defaultThreshold: number;
  };

type Statistic = (reference: Float64Array, current: Float64Array) => number | TestOutcome;

const outcomeOf = (r: number | TestOutcome): TestOutcome =>
  typeof r === 'number' ? { statistic: r } : { statistic: r.statistic, pValue: r.pValue };

/** A test on both sides' ascending finite values. */
const onNumbers = (statistic: Statistic): Comparison => ({
  compares: 'numbers',
  run({ reference, current }) {
    if (!reference || !current) throw new Error('a test on numbers needs numeric values');
    return outcomeOf(statistic(reference, current));
  },
});

/** A test on the counts per category (or per bin) of both sides. */
const onFrequencies = (statistic: Statistic): Comparison => ({
  compares: 'frequencies',
  run(column) {
    const { reference, current } = column.counts();
    return outcomeOf(statistic(reference, current));
  },
});

/** The three rules: drift when p < threshold, p ≤ threshold (KS), or statistic ≥ threshold. */
const pBelow = { judges: 'p_value', driftWhen: '<' } as const;
const pAtMost = { judges: 'p_value', driftWhen: '≤' } as const;
const distance = { judges: 'statistic', driftWhen: '≥' } as const;

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * The drift tests, by Evidently's stattest name (so users can carry their configuration over). A new
 * test is its statistic in stats/ and one entry here: the names the config accepts, the reports'
 * labels and the verdict's rule all come from this table.
 */
export const DRIFT_TESTS = {
  ks: {
    label: 'Kolmogorov–Smirnov',
    ...pAtMost,
    defaultThreshold: 0.05,
    ...onNumbers(ks2Samp),
  },
  chisquare: {
    label: 'chi-square',
    ...pBelow,
    defaultThreshold: 0.05,
    ...onFrequencies(chiSquareHomogeneity),
  },
  z: {
    label: 'two-proportion z',
    ...pBelow,
    defaultThreshold: 0.05,
    // Two categories: the share of the first; one category: nothing can differ.
    ...onFrequencies((reference, current) =>
      proportionZTest(reference[0] ?? 0, sum(reference), current[0] ?? 0, sum(current)),
    ),
  },
  wasserstein: {
    label: 'Wasserstein (normed)',
    ...distance,
    defaultThreshold: 0.1,
    ...onNumbers(normedWasserstein),
  },
  jensenshannon: {
    label: 'Jensen–Shannon',
    ...distance,
    defaultThreshold: 0.1,
    ...onFrequencies(jensenShannonDistance),
  },
  psi: { label: 'PSI', ...distance, defaultThreshold: 0.1, ...onFrequencies(populationStabilityIndex) },
  kl_div: { label: 'KL divergence', ...distance, defaultThreshold: 0.1, ...onFrequencies(klDivergence) },
  hellinger: { label: 'Hellinger', ...distance, defaultThreshold: 0.1, ...onFrequencies(hellingerDistance) },
  tvd: {
    label: 'total variation',
    ...distance,
    defaultThreshold: 0.1,
    ...onFrequencies(totalVariationDistance),
  },
  ed: { label: 'energy distance', ...distance, defaultThreshold: 0.1, ...onNumbers(energyDistance) },
  anderson: {
    label: 'Anderson–Darling',
    ...pBelow,
    defaultThreshold: 0.05,
    ...onNumbers(andersonDarlingKSample),
  },
  cramer_von_mises: {
    label: 'Cramér–von Mises',
    ...pBelow,
    defaultThreshold: 0.05,
    ...onNumbers(cramerVonMises2Samp),
  },
  mannw: { label: 'Mann–Whitney U', ...pBelow, defaultThreshold: 0.05, ...onNumbers(mannWhitneyU) },
  t_test: { label: 'Welch t', ...pBelow, defaultThreshold: 0.05, ...onNumbers(welchTTest) },
} as const satisfies Record<string, DriftTest>;

export type DriftTestName = keyof typeof DRIFT_TESTS;

/** The tests' names, in the table's order (the config's enum, the schema's description). */
export const DRIFT_TEST_NAMES = Object.keys(DRIFT_TESTS) as [DriftTestName, ...DriftTestName[]];

/** A test's entry, typed as any test's (so callers need not narrow a name to read a field). */
export const driftTest = (name: DriftTestName): DriftTest => DRIFT_TESTS[name];
