import { UserError } from '../errors.js';
import type { ColumnSample } from './column-sample.js';
import { checkConfigColumns } from './check-config-columns.js';
import { defaultTest } from './choose-test.js';
import type { DriftConfig } from '../config/drift-config-schema.js';
import type { ColumnDrift, DriftReport } from './drift-result.js';
import { driftTest, type DriftTest } from './drift-tests.js';
import { prepareColumn } from './prepare-column.js';
import { summarizeSample } from './summarize-sample.js';

export interface DriftInput {
  /** Column samples of each side, in file order. */
  reference: Map<string, ColumnSample>;
  current: Map<string, ColumnSample>;
  referenceRows: number;
  currentRows: number;
}

/** The smallest p-value severity is measured against (p-values underflow to 0 for huge samples). */
const TINY_P = 1e-300;

/** The test's rule: p < threshold, p ≤ threshold (KS, as Evidently), or statistic ≥ threshold. */
function isDrift(test: DriftTest, value: number, threshold: number): boolean {
  switch (test.driftWhen) {
    case '<':
      return value < threshold;
    case '≤':
      return value <= threshold;
    case '≥':
      return value >= threshold;
  }
}

function severity(test: DriftTest, value: number, threshold: number, drift: boolean): number {
  if (!drift) return 0;
  return test.judges === 'p_value' ? Math.log10(threshold / Math.max(value, TINY_P)) : value / threshold - 1;
}

/**
 * Reference columns in order, then current-only ones, without ignored columns. A setting that names
 * a column neither side has is a config error (checkConfigColumns).
 */
export function columnOrder(reference: string[], current: string[], config: DriftConfig): string[] {
  checkConfigColumns(reference, current, config);
  const ignored = new Set(config.ignore);
  return [...new Set([...reference, ...current])].filter((n) => !ignored.has(n));
}

/**
 * The verdict for columns of either side: each gets Evidently's default test for its kind and size
 * (or the configured one), a verdict against its threshold, summaries of both sides and chart data.
 * Callers may test columns in groups to bound memory, then pass them all to datasetDrift.
 */
export function driftColumns(names: string[], input: DriftInput, config: DriftConfig): ColumnDrift[] {
  // One buffer per side for every column's doubles: a result keeps none of them, and a fresh pair
  // per column is garbage that typed arrays' off-heap memory frees late.
  const longest = (samples: Map<string, ColumnSample>) =>
    names.reduce((n, name) => Math.max(n, samples.get(name)?.numbers?.length ?? 0), 0);
  const buffers = {
    reference: new Float64Array(longest(input.reference)),
    current: new Float64Array(longest(input.current)),
  };
  return names.map((name) => driftOfColumn(name, input, config, buffers));
}

/** The dataset's verdict: the drifted share reached `drift-share`, or the comparison failed (DatasetDrift). */
export function datasetDrift(
  columns: ColumnDrift[],
  referenceRows: number,
  currentRows: number,
  config: DriftConfig,
): Omit<DriftReport, 'durationMs'> {
  const tested = columns.filter((c) => c.status === 'tested');
  const drifted = tested.filter((c) => c.drift).length;
  const share = tested.length === 0 ? 0 : drifted / tested.length;
  const named = (status: ColumnDrift['status']) =>
    columns.filter((c) => c.status === status).map((c) => c.column);
  const missingInCurrent = named('missing-in-current');
  const referenceColumns = columns.length - named('missing-in-reference').length;
  const missingShare = referenceColumns === 0 ? 0 : missingInCurrent.length / referenceColumns;
  const maxMissingShare = config['max-missing-share'];
  const failed = tested.length === 0 || missingShare > maxMissingShare;
  return {
    dataset: {
      drift: failed || share >= config['drift-share'],
      missingInCurrent,
      missingInReference: named('missing-in-reference'),
      referenceColumns,
      missingShare,
      maxMissingShare,
      ignored: [...new Set(config.ignore)],
      skipped: named('skipped'),
      share,
      drifted,
      columns: tested.length,
      driftShare: config['drift-share'],
      referenceRows,
      currentRows,
    },
    columns,
  };
}

function driftOfColumn(
  name: string,
  input: DriftInput,
  config: DriftConfig,
  buffers: { reference: Float64Array; current: Float64Array },
): ColumnDrift {
  const reference = input.reference.get(name);
  const current = input.current.get(name);
  const settings = config.columns.get(name) ?? { skip: false };
  const base = {
    column: name,
    dataType: reference?.dataType ?? current?.dataType ?? 'string',
    kind: settings.kind ?? (reference?.numbers ? 'numerical' : 'categorical'),
    drift: false,
    severity: 0,
    reference: reference ? summarizeSample(reference, undefined) : { rows: 0, missing: 0 },
    current: current ? summarizeSample(current, undefined) : { rows: 0, missing: 0 },
  } satisfies Partial<ColumnDrift>;
  if (!reference) return { ...base, status: 'missing-in-reference', note: 'only in the current data' };
  if (!current) return { ...base, status: 'missing-in-current', note: 'only in the reference data' };
  if (settings.skip) return { ...base, status: 'skipped', note: 'skipped by configuration' };
  const valuesOf = (s: ColumnSample) =>
    s.numbers?.length ?? [...(s.categories?.values() ?? [])].reduce((a, b) => a + b, 0);
  if (valuesOf(reference) === 0 || valuesOf(current) === 0) {
    const side = valuesOf(reference) === 0 ? 'reference' : 'current';
    return {
      ...base,
      status: 'empty',
      note: `no value left in the ${side} data after dropping missing and infinite values`,
    };
  }

  const column = prepareColumn(name, reference, current, settings.kind, buffers);
  const testName = settings.test ?? defaultTest(column.kind, valuesOf(reference), column.distinctInBoth);
  const test = driftTest(testName);
  if (test.compares === 'numbers' && !column.reference) {
    throw new UserError('config', `test "${testName}" compares numbers, but column "${name}" holds text`, {
      field: `drift.columns.${name}.test`,
    });
  }
  const threshold = settings.threshold ?? config.thresholds[testName] ?? test.defaultThreshold;
  const outcome = test.run(column);
  const judged = test.judges === 'p_value' ? outcome.pValue! : outcome.statistic;
  const drift = Number.isFinite(judged) && isDrift(test, judged, threshold);
  return {
    ...base,
    kind: column.kind,
    status: 'tested',
    test: testName,
    statistic: outcome.statistic,
    ...(outcome.pValue !== undefined ? { pValue: outcome.pValue } : {}),
    threshold,
    thresholdOn: test.judges,
    drift,
    severity: severity(test, judged, threshold, drift),
    reference: summarizeSample(reference, column.reference),
    current: summarizeSample(current, column.current),
    histogram: column.histogram,
  };
}
