import type { ColumnDrift, DatasetDrift } from '../../drift/drift-result.js';
import { driftTest, type DriftTestName } from '../../drift/drift-tests.js';
import { formatAgainst, formatNumber, formatPair, formatPercent } from '../format-number.js';

/**
 * p-values for humans: 2 significant digits (`0.032`, `3.2e-5`), more when the threshold they are
 * judged against would read the same (`0.0496` against 0.05, not `0.05`); `< 1e-300` when the value
 * underflowed to zero.
 */
export function formatPValue(p: number | undefined, threshold?: number): string {
  if (p === undefined || Number.isNaN(p)) return '—';
  if (p === 0) return '< 1e-300';
  return threshold === undefined ? formatNumber(p, 2) : formatPair(p, threshold, 2)[0];
}

/** A statistic by the report rule (format-number.ts); told apart from its threshold when given one. */
export function formatStatistic(x: number | undefined, threshold?: number): string {
  if (x === undefined) return '—';
  return threshold === undefined ? formatNumber(x) : formatAgainst(x, threshold);
}

/** Reference and current values of one summary row, with the digits that tell them apart. */
export function sideBySide(reference: number | undefined, current: number | undefined): [string, string] {
  if (reference === undefined || current === undefined)
    return [formatStatistic(reference), formatStatistic(current)];
  return formatPair(reference, current);
}

/** A column's result against its threshold: the statistic, and the p-value when there is one. */
export function formatResult(c: Pick<ColumnDrift, 'statistic' | 'pValue' | 'threshold' | 'thresholdOn'>): {
  statistic: string;
  pValue: string;
} {
  const on = (which: 'p_value' | 'statistic') => (c.thresholdOn === which ? c.threshold : undefined);
  return {
    statistic: formatStatistic(c.statistic, on('statistic')),
    pValue: c.pValue === undefined ? '—' : formatPValue(c.pValue, on('p_value')),
  };
}

/** How reports name a column's test: its label, or — when none ran. */
export function testLabel(test: DriftTestName | undefined): string {
  return test === undefined ? '—' : driftTest(test).label;
}

/** The rule a tested column was judged by: "p < 0.05", "p ≤ 0.05" (KS) or "statistic ≥ 0.1". */
export function driftRule(c: Pick<ColumnDrift, 'test' | 'threshold'>): string {
  const test = driftTest(c.test!);
  return `${test.judges === 'p_value' ? 'p' : 'statistic'} ${test.driftWhen} ${c.threshold}`;
}

type DatasetVerdict = Pick<
  DatasetDrift,
  | 'drift'
  | 'share'
  | 'drifted'
  | 'columns'
  | 'driftShare'
  | 'missingInCurrent'
  | 'missingInReference'
  | 'referenceColumns'
  | 'missingShare'
  | 'maxMissingShare'
  | 'ignored'
  | 'skipped'
>;

/** Why the comparison failed apart from drifted columns, in words; empty when it did not. */
export function datasetProblems(dataset: DatasetVerdict): string[] {
  const problems: string[] = [];
  if (dataset.columns === 0) problems.push('no column could be tested');
  if (dataset.missingShare > dataset.maxMissingShare) {
    const missing = dataset.missingInCurrent.length;
    const of = dataset.referenceColumns;
    problems.push(
      `${missing} of ${of} reference ${of === 1 ? 'column is' : 'columns are'} missing from the current data (allowed: ${formatPercent(dataset.maxMissingShare * 100)}, drift.max-missing-share)`,
    );
  }
  return problems;
}

/** "Drift in 7 of 20 columns (35%) — dataset not drifted"; a failed comparison says why. */
export function driftHeadline(dataset: DatasetVerdict): string {
  const problems = datasetProblems(dataset);
  if (dataset.columns === 0) return `Drift check failed: ${problems.join('; ')}`;
  const percent = formatPercent(dataset.share * 100);
  const counted = `Drift in ${dataset.drifted} of ${dataset.columns} columns (${percent})`;
  if (problems.length > 0) return `${counted} — drift check failed: ${problems.join('; ')}`;
  const verdict = dataset.drift
    ? `dataset drifted (threshold ${formatPercent(dataset.driftShare * 100)})`
    : 'dataset not drifted';
  return `${counted} — ${verdict}`;
}

const SHOWN_NAMES = 20;

/**
 * The columns a report must name besides the tested ones — one side only, ignored, skipped — as
 * label and names, so every output says which columns the verdict did not cover.
 */
export function untestedColumns(dataset: DatasetVerdict): { label: string; names: string }[] {
  const list = (names: string[]) =>
    names.slice(0, SHOWN_NAMES).join(', ') +
    (names.length > SHOWN_NAMES ? `, … (${names.length} in all)` : '');
  return (
    [
      ['Missing from the current data', dataset.missingInCurrent],
      ['Only in the current data', dataset.missingInReference],
      ['Ignored (drift.ignore)', dataset.ignored],
      ['Skipped (skip: true)', dataset.skipped],
    ] as const
  )
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => ({ label, names: list([...names]) }));
}

/** How a column's result reads in a table cell: "drift", "no drift", or why it was not tested. */
export function columnVerdict(status: string, drift: boolean): string {
  if (status === 'tested') return drift ? 'drift' : 'no drift';
  return status.replace(/-/g, ' ');
}
