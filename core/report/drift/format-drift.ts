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

/** One line per dataset: "Drift in 7 of 20 columns (35%) — dataset not drifted". */
export function driftHeadline(dataset: {
  drift: boolean;
  share: number;
  drifted: number;
  columns: number;
  driftShare: number;
}): string {
  const percent = `${Math.round(dataset.share * 100)}%`;
  const verdict = dataset.drift
    ? `dataset drifted (threshold ${Math.round(dataset.driftShare * 100)}%)`
    : 'dataset not drifted';
  if (dataset.columns === 0) return 'No column could be tested';
  return `Drift in ${dataset.drifted} of ${dataset.columns} columns (${percent}) — ${verdict}`;
}

/** How a column's result reads in a table cell: "drift", "no drift", or why it was not tested. */
export function columnVerdict(status: string, drift: boolean): string {
  if (status === 'tested') return drift ? 'drift' : 'no drift';
  return status.replace(/-/g, ' ');
}
