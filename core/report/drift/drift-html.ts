import { formatCount } from '../../checks/describe.js';
import type { ColumnDrift, DriftReport, SampleSummary } from '../../drift/drift-result.js';
import { bySeverity } from './by-severity.js';
import { escapeHtml } from './escape-html.js';
import {
  columnVerdict,
  driftHeadline,
  formatResult,
  sideBySide,
  driftRule,
  testLabel,
  untestedColumns,
} from './format-drift.js';
import { CURRENT_COLOR, histogramSvg, REFERENCE_COLOR } from './histogram-svg.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;color:#1f2328;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}.sub{color:#59636e;margin:0 0 1.5rem}
.verdict{padding:.75rem 1rem;border-radius:6px;margin-bottom:1.5rem;font-weight:600}
.verdict.drift{background:#ffebe9;border:1px solid #ff818266}.verdict.ok{background:#dafbe1;border:1px solid #4ac26b66}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #d1d9e0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
section.column{border:1px solid #d1d9e0;border-radius:6px;padding:1rem;margin-bottom:1rem;display:grid;grid-template-columns:540px 1fr;gap:1rem}
section.column h2{font-size:1.1rem;margin:0 0 .5rem;grid-column:1/-1}
.tag{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:.8rem;font-weight:600;margin-left:.5rem}
.tag.drift{background:#cf222e;color:#fff}.tag.ok{background:#1a7f37;color:#fff}.tag.other{background:#818b98;color:#fff}
svg.chart text{font-size:11px;fill:#59636e}svg.chart .legend{fill:#1f2328}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.3rem}
`;

/**
 * One self-contained HTML page: inline CSS and SVG, no script and no external resource, so it opens
 * anywhere (an artifact, an email) and cannot phone home. Columns sorted by severity; every name and
 * category from the data is escaped.
 */
export function renderDriftHtml(
  report: DriftReport,
  sources: { reference: string; current: string },
): string {
  const { dataset } = report;
  const columns = bySeverity(report.columns);
  const overview = columns
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.column)}</td><td>${c.kind}</td><td>${testLabel(c.test)}</td><td class="num">${c.status === 'tested' ? formatResult(c).statistic : '—'}</td><td class="num">${formatResult(c).pValue}</td><td class="num">${c.threshold ?? '—'}</td><td>${tag(c)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Modelship drift report</title><style>${STYLE}</style></head>
<body>
<h1>Drift report</h1>
<p class="sub">Current: ${escapeHtml(sources.current)} (${formatCount(dataset.currentRows)} rows) · Reference: ${escapeHtml(sources.reference)} (${formatCount(dataset.referenceRows)} rows)</p>
<div class="verdict ${dataset.drift ? 'drift' : 'ok'}">${escapeHtml(driftHeadline(dataset))}</div>
${untestedColumns(dataset)
  .map(
    ({ label, names }) =>
      `<p class="untested"><strong>${escapeHtml(label)}:</strong> ${escapeHtml(names)}</p>`,
  )
  .join('\n')}
<table><thead><tr><th>Column</th><th>Kind</th><th>Test</th><th>Statistic</th><th>p-value</th><th>Threshold</th><th>Verdict</th></tr></thead>
<tbody>
${overview}
</tbody></table>
${columns.map(columnSection).join('\n')}
</body></html>
`;
}

function tag(c: ColumnDrift): string {
  const kind = c.status !== 'tested' ? 'other' : c.drift ? 'drift' : 'ok';
  return `<span class="tag ${kind}">${columnVerdict(c.status, c.drift)}</span>`;
}

function columnSection(c: ColumnDrift): string {
  const chart = c.histogram
    ? histogramSvg(c.histogram, `${c.column}: reference and current distributions`)
    : '<p>No chart: the column was not tested.</p>';
  const result =
    c.status === 'tested'
      ? `<p>${testLabel(c.test)}: statistic ${formatResult(c).statistic}${c.pValue !== undefined ? `, p-value ${formatResult(c).pValue}` : ''}; drift when ${driftRule(c)}.</p>`
      : `<p>${escapeHtml(c.note ?? columnVerdict(c.status, c.drift))}</p>`;
  return `<section class="column" id="${escapeHtml(`col-${c.column}`)}">
<h2>${escapeHtml(c.column)} ${tag(c)}</h2>
<div>${chart}</div>
<div>${result}
<table><thead><tr><th></th><th><span class="swatch" style="background:${REFERENCE_COLOR}"></span>reference</th><th><span class="swatch" style="background:${CURRENT_COLOR}"></span>current</th></tr></thead>
<tbody>${summaryRows(c.reference, c.current)}</tbody></table></div>
</section>`;
}

function summaryRows(ref: SampleSummary, cur: SampleSummary): string {
  const rows: [string, string, string][] = [
    ['rows', formatCount(ref.rows), formatCount(cur.rows)],
    ['missing', formatCount(ref.missing), formatCount(cur.missing)],
  ];
  for (const key of ['mean', 'std', 'min', 'median', 'max'] as const) {
    if (ref[key] !== undefined || cur[key] !== undefined) rows.push([key, ...sideBySide(ref[key], cur[key])]);
  }
  if (ref.distinct !== undefined || cur.distinct !== undefined) {
    rows.push(['distinct', ...sideBySide(ref.distinct, cur.distinct)]);
    const top = (s: SampleSummary) =>
      (s.top ?? [])
        .slice(0, 3)
        .map((t) => `${t.value} (${formatCount(t.count)})`)
        .join(', ');
    rows.push(['most common', top(ref), top(cur)]);
  }
  return rows
    .map(
      ([k, a, b]) =>
        `<tr><td>${k}</td><td class="num">${escapeHtml(a)}</td><td class="num">${escapeHtml(b)}</td></tr>`,
    )
    .join('');
}
