import type { DatasetDrift } from '../../drift/drift-result.js';

/** p-values for humans: `0.032`, `3.2e-5`, `< 1e-300` when the value underflowed to zero. */
export function formatPValue(p: number | undefined): string {
  if (p === undefined || Number.isNaN(p)) return '—';
  if (p === 0) return '< 1e-300';
  if (p >= 0.001) return String(Number(p.toPrecision(2)));
  return p.toExponential(1).replace('e-', 'e-');
}

/** Statistics to 3 significant digits. */
export function formatStatistic(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

export const TEST_NAMES: Record<string, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  z: 'two-proportion z',
  wasserstein: 'Wasserstein (normed)',
  jensenshannon: 'Jensen–Shannon',
  psi: 'PSI',
  kl_div: 'KL divergence',
  hellinger: 'Hellinger',
  tvd: 'total variation',
  ed: 'energy distance',
  anderson: 'Anderson–Darling',
  cramer_von_mises: 'Cramér–von Mises',
  mannw: 'Mann–Whitney U',
  t_test: 'Welch t',
};

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
      `${missing} of ${of} reference ${of === 1 ? 'column is' : 'columns are'} missing from the current data (allowed: ${Number((dataset.maxMissingShare * 100).toPrecision(6))}%, drift.max-missing-share)`,
    );
  }
  return problems;
}

/** "Drift in 7 of 20 columns (35%) — dataset not drifted"; a failed comparison says why. */
export function driftHeadline(dataset: DatasetVerdict): string {
  const problems = datasetProblems(dataset);
  if (dataset.columns === 0) return `Drift check failed: ${problems.join('; ')}`;
  const percent = `${Math.round(dataset.share * 100)}%`;
  const counted = `Drift in ${dataset.drifted} of ${dataset.columns} columns (${percent})`;
  if (problems.length > 0) return `${counted} — drift check failed: ${problems.join('; ')}`;
  const verdict = dataset.drift
    ? `dataset drifted (threshold ${Math.round(dataset.driftShare * 100)}%)`
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
