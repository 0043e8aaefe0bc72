import { formatCount } from '../../checks/describe.js';
import type { CheckResult } from '../../checks/validation-report.js';
import { formatPercent } from '../format-number.js';
import { describeObserved } from './format-observed.js';
import { headline, plural, resultsBySeverity, type ValidationView } from './validation-view.js';

/**
 * The job summary: the verdict first, then every failed check with its evidence, then the passes
 * folded away — a reviewer should see what broke without scrolling past what did not.
 */
export function renderValidationMarkdown(view: ValidationView): string {
  const { report } = view;
  const icon = report.success ? (report.warningsFailed > 0 ? '⚠️' : '✅') : '❌';
  const lines = [
    `## ${icon} ${escapeText(headline(report))}`,
    '',
    `Data ${code(view.data)}${view.files.length > 1 ? ` (${plural(view.files.length, 'file')})` : ''} · ${plural(report.rows, 'row')} × ${plural(report.columns, 'column')} · checks from ${code(view.checksSource)} · ${(report.durationMs / 1000).toFixed(2)} s`,
    '',
  ];
  const sorted = resultsBySeverity(report.results);
  const failed = sorted.filter((r) => !r.success);
  const passed = sorted.filter((r) => r.success);
  if (failed.length > 0) {
    lines.push('| | Check | Observed | Unexpected | Details |', '|---|---|---|---|---|');
    for (const result of failed) lines.push(row(result));
    lines.push('');
  }
  if (passed.length > 0) {
    lines.push(`<details><summary>${plural(passed.length, 'check')} passed</summary>`, '');
    lines.push('| | Check | Found |', '|---|---|---|');
    for (const result of passed) lines.push(`| ✅ | ${cell(result.name)} | ${cell(result.message)} |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

function row(result: CheckResult): string {
  const icon = result.severity === 'error' ? '❌' : '⚠️';
  const unexpected =
    result.unexpectedCount > 0
      ? `${formatCount(result.unexpectedCount)} (${formatPercent(result.unexpectedPercent)})`
      : '—';
  return `| ${icon} | ${cell(result.name)} | ${cell(describeObserved(result))} | ${unexpected} | ${cell(result.message)} |`;
}

/** Table cells: pipes and newlines would break the row; HTML in data must not render. */
function cell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
