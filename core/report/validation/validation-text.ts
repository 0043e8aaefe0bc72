import { headline, resultsBySeverity, type ValidationView } from './validation-view.js';

/** The terminal rendering of `modelship validate`: one line per check, failures first, verdict last. */
export function renderValidationText(view: ValidationView): string {
  const { report } = view;
  const sorted = resultsBySeverity(report.results);
  const width = Math.min(48, Math.max(...sorted.map((r) => r.name.length), 5));
  const lines = [`Validating ${view.data} with ${view.checksSource}`, ''];
  for (const result of sorted) {
    const mark = result.success ? '✓' : result.severity === 'error' ? '✗' : '!';
    const tag = result.success ? 'pass' : result.severity === 'error' ? 'FAIL' : 'warn';
    lines.push(`${mark} ${tag}  ${result.name.padEnd(width)}  ${result.message}`);
  }
  lines.push('', `${headline(report)} (${(report.durationMs / 1000).toFixed(2)} s)`, '');
  return lines.join('\n');
}
