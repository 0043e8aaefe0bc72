import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { formatNumber, formatPair, formatPercent } from '../../../core/report/format-number.js';
import { renderDriftHtml } from '../../../core/report/drift/drift-html.js';
import { renderDriftCheckOutput } from '../../../core/report/drift/drift-markdown.js';
import { renderValidationMarkdown } from '../../../core/report/validation/validation-markdown.js';
import { renderValidationText } from '../../../core/report/validation/validation-text.js';
import { tableStream, type Cell } from '../../support/table-stream.js';
import { driftOf } from '../drift/drift-of.js';

describe('the number rule', () => {
  test('integers in full, others to 4 significant digits without losing the integer part', () => {
    assert.equal(formatNumber(2000001), '2,000,001');
    assert.equal(formatNumber(0.5526747389037612), '0.5527');
    assert.equal(formatNumber(1010.234), '1,010');
    assert.equal(formatNumber(12345.678), '12,346');
    assert.equal(formatNumber(-1234.5678), '-1,235');
    assert.equal(formatNumber(0.0012346), '0.001235');
    assert.equal(formatNumber(3.2e-7), '3.2e-7');
    assert.equal(formatNumber(Infinity), '∞');
  });

  test('values side by side get digits until they differ', () => {
    assert.deepEqual(formatPair(1010.21, 1010.34), ['1,010.2', '1,010.3']);
    assert.deepEqual(formatPair(1.0000001, 1), ['1.0000001', '1']);
    assert.deepEqual(formatPair(0.5, 0.5), ['0.5', '0.5']);
  });

  test('percentages: 3 significant digits, never 0% or 100% unless exact', () => {
    assert.equal(formatPercent(66.3333), '66.3%');
    assert.equal(formatPercent(0.0012), '0.0012%');
    assert.equal(formatPercent(99.9996), '99.9996%');
    assert.equal(formatPercent(100), '100%');
    assert.equal(formatPercent(0), '0%');
  });
});

async function validate(yaml: string, columns: Record<string, readonly Cell[]>) {
  const report = await runChecks(tableStream(columns, { batchRows: 50 }), loadChecks(yaml, 'checks.yml'), {
    maxExamples: 3,
  });
  const view = { report, data: 'data.csv', files: [], checksSource: 'checks.yml' };
  return { markdown: renderValidationMarkdown(view), text: renderValidationText(view) };
}

describe('validation reports', () => {
  test('observed values with their unit, statistics rounded, one rounding of a percentage per row', async () => {
    const n = 300;
    const { markdown, text } = await validate(
      [
        'checks:',
        '  - { check: std, column: x, max: 0.1 }',
        '  - { check: between, column: id, min: 0, max: 10 }',
        '  - { check: regex, column: code, pattern: "^A" }',
        '',
      ].join('\n'),
      {
        x: Array.from({ length: n }, (_, i) => Math.sin(i) * 0.78),
        id: Array.from({ length: n }, (_, i) => 2000001 + i * 10),
        code: Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'B1' : 'A1')),
      },
    );
    const rows = markdown.split('\n');
    const row = (name: string) => rows.find((r) => r.includes(`| ${name} |`)) ?? assert.fail(name);
    assert.doesNotMatch(markdown + text, /\d\.\d{7,}/, 'no raw doubles');
    assert.match(row('std(x)'), /\| 0\.55\d\d \|/);
    assert.match(row('std(x)'), /std 0\.55\d\d is above the maximum 0\.1/);
    assert.match(row('between(id)'), /\| 2,000,001 – 2,002,991 \|/);
    assert.doesNotMatch(markdown, /\{"min"/);
    assert.match(row('regex(code)'), /\| 66\.7% match \|/);
    // The Unexpected column and the message say the same percentage.
    assert.match(row('regex(code)'), /\| 100 \(33\.3%\) \| 100 of 300 values \(33\.3%\)/);
  });

  test('a statistic just past its bound shows the digits that put it there', async () => {
    const { text } = await validate('checks:\n  - { check: mean, column: x, max: 1 }\n', {
      x: [1, 1, 1.000003],
    });
    assert.match(text, /mean 1\.000001 is above the maximum 1/);
  });
});

describe('drift reports', () => {
  test('reference and current side by side never read the same when they differ', async () => {
    const n = 400;
    const pressure = (shift: number) =>
      Array.from({ length: n }, (_, i) => 1010.2 + shift + Math.sin(i) * 0.01);
    const report = await driftOf({ pressure: pressure(0) }, { pressure: pressure(0.1) });
    const html = renderDriftHtml(report, { reference: 'r.csv', current: 'c.csv' });
    const mean = /<tr><td>mean<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td>/.exec(html);
    assert.ok(mean, 'a mean row');
    assert.notEqual(mean[1], mean[2]);
    assert.match(mean[1]!, /^1,010\.2\d*$/);
    const markdown = renderDriftCheckOutput(report, { reference: 'r.csv', current: 'c.csv' }).text;
    const row = /\| mean \| ([^|]+) \| ([^|]+) \|/.exec(markdown);
    assert.ok(row);
    assert.notEqual(row[1], row[2]);
  });
});
