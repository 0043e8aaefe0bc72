import { formatCount } from '../../checks/describe.js';
import { escapeHtml } from '../drift/escape-html.js';
import { formatNumber } from '../format-number.js';
import { formatDifference, formatMetricValue } from './gate-cells.js';
import { describeRule, gateRows, type GateRow } from './gate-rows.js';
import type { GateView } from './gate-view.js';

/** GitHub's limit for a comment body and a check run's summary, in characters. */
const GITHUB_TEXT_LIMIT = 65_535;
/** Slice values shown per column; the rest are counted. */
const SLICES_PER_COLUMN = 30;
/** Metrics shown per slice: the rules', else the task's first ones. */
const SLICE_METRICS = 4;

/** Text from the data or the user, safe in a Markdown table cell: no HTML, no column breaks. */
const cell = (text: string) => escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The hidden line that finds this model's comment among a pull request's comments. */
export function gateCommentMarker(name: string): string {
  return `<!-- modelship:gate:${name} -->`;
}

/** The verdict in one line: the check run's title and the summary's heading. */
export function gateTitle(view: GateView): string {
  const { judgements } = view.verdict;
  const failed = judgements.filter((j) => !j.passed).map((j) => j.rule.metric);
  const rules = judgements.length === 1 ? '1 rule' : `${judgements.length} rules`;
  return failed.length === 0
    ? `Gate passed: ${view.name} meets ${judgements.length === 1 ? 'its rule' : `all ${rules}`}`
    : `Gate failed: ${view.name} misses ${failed.length} of ${rules} (${failed.join(', ')})`;
}

/**
 * The comparison where people read it (job summary, check run, pull request comment): the verdict,
 * a table of metric, candidate, production, difference with its interval, the rule and its result,
 * every failure in words, then the slices. Within GitHub's 65,535 characters: slices go first.
 */
export function renderGateMarkdown(view: GateView): string {
  const head = [
    `### ${view.verdict.passed ? '✅' : '❌'} ${cell(gateTitle(view))}`,
    '',
    sourcesLine(view),
    '',
    ...metricTable(gateRows(view)),
    '',
    ...failureList(view),
    ...view.verdict.notes.map((n) => `> ${cell(n)}\n`),
  ];
  const slices = sliceTables(view);
  const full = [...head, ...slices].join('\n');
  if (full.length <= GITHUB_TEXT_LIMIT - 200) return `${full}\n`;
  return `${[...head, '_The slices are left out: the report is longer than GitHub shows._'].join('\n')}\n`;
}

/** The pull request comment: the marker that finds it again on the next push, then the report. */
export function renderGateComment(view: GateView): string {
  return `${gateCommentMarker(view.name)}\n${renderGateMarkdown(view)}`;
}

function sourcesLine(view: GateView): string {
  const { candidate, baseline, sources } = view;
  const candidateText = `Candidate \`${cell(sources.candidate)}\` (${candidate.task}, ${formatCount(candidate.rows)} rows)`;
  if (!baseline) return `${candidateText}; no production metrics (no rule compares with production).`;
  return `${candidateText} against production \`${cell(sources.baseline ?? 'production')}\` (${formatCount(baseline.rows)} rows).`;
}

function metricTable(rows: GateRow[]): string[] {
  return [
    '| Metric | Candidate | Production | Difference (interval) | Rule | Result |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => {
      const rule = r.judgement ? describeRule(r.judgement.rule, formatNumber) : '—';
      const result = r.judgement ? (r.judgement.passed ? '✅ pass' : '❌ fail') : '';
      return `| ${cell(r.metric)} | ${formatMetricValue(r.candidate)} | ${formatMetricValue(r.baseline)} | ${formatDifference(r)} | ${rule} | ${result} |`;
    }),
  ];
}

function failureList(view: GateView): string[] {
  const { failures } = view.verdict;
  if (failures.length === 0) return [];
  return ['**Why it failed**', '', ...failures.map((f) => `- ${cell(f)}`), ''];
}

function sliceTables(view: GateView): string[] {
  const { candidate, baseline } = view;
  if (candidate.slices.length === 0) return [];
  const ruled = view.verdict.judgements.map((j) => j.rule.metric as string);
  const present = (m: string) => candidate.slices.some((s) => s.metrics[m] !== undefined);
  const metrics = (ruled.length > 0 ? ruled : Object.keys(candidate.metrics))
    .filter(present)
    .slice(0, SLICE_METRICS);
  const columns = [...new Set(candidate.slices.map((s) => s.column))];
  const lines = ['#### Slices', ''];
  if (baseline && baseline.slices.length > 0) lines.push('Each cell: candidate (production).', '');
  for (const column of columns) {
    const slices = candidate.slices.filter((s) => s.column === column);
    lines.push(
      `| ${cell(column)} | Rows | ${metrics.map(cell).join(' | ')} |`,
      `|---|---:|${metrics.map(() => '---:|').join('')}`,
    );
    for (const slice of slices.slice(0, SLICES_PER_COLUMN)) {
      const prod = baseline?.slices.find((s) => s.column === column && s.value === slice.value);
      const cells = metrics.map((m) => {
        const c = formatMetricValue(slice.metrics[m]);
        return prod?.metrics[m] !== undefined ? `${c} (${formatMetricValue(prod.metrics[m])})` : c;
      });
      lines.push(`| ${cell(slice.value)} | ${formatCount(slice.rows)} | ${cells.join(' | ')} |`);
    }
    if (slices.length > SLICES_PER_COLUMN)
      lines.push(
        '',
        `_…and ${formatCount(slices.length - SLICES_PER_COLUMN)} more values of ${cell(column)}._`,
      );
    lines.push('');
  }
  return lines;
}
