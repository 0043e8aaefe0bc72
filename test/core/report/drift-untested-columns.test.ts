import assert from 'node:assert/strict';
import { test } from 'node:test';
import { driftJson } from '../../../core/report/drift/drift-json.js';
import { renderDriftHtml } from '../../../core/report/drift/drift-html.js';
import { renderDriftCheckOutput } from '../../../core/report/drift/drift-markdown.js';
import { renderDriftText } from '../../../core/report/drift/drift-text.js';
import { driftOf } from '../drift/drift-of.js';

const series = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
const values = () => series(200, (i) => Math.sin(i * 7.1));
const sources = { reference: 'ref.csv', current: 'cur.csv' };

test('every output names columns on one side only, ignored and skipped ones, and why the run failed', async () => {
  const report = await driftOf(
    { a: values(), b: values(), id: values(), note: values(), gone: values() },
    { a: values(), b: values(), id: values(), note: values(), added: values() },
    { ignore: ['id'], columns: { note: { skip: true } } },
  );
  assert.equal(report.dataset.drift, true, 'a missing reference column fails by default');
  const expected = [
    /Missing from the current data:?\*?\*? gone/,
    /Only in the current data:?\*?\*? added/,
    /Ignored \(drift\.ignore\):?\*?\*? id/,
    /Skipped \(skip: true\):?\*?\*? note/,
    /1 of 4 reference columns are missing from the current data/,
  ];
  const markdown = renderDriftCheckOutput(report, sources);
  const outputs = {
    text: renderDriftText(report, sources.reference, sources.current),
    markdown: `${markdown.title}\n${markdown.summary}`,
    html: renderDriftHtml(report, sources).replace(/<\/?strong>/g, ''),
  };
  for (const [name, output] of Object.entries(outputs))
    for (const pattern of expected) assert.match(output, pattern, `${name}: ${pattern}`);
  const json = driftJson(report).dataset;
  assert.deepEqual(
    [json.missing_in_current, json.missing_in_reference, json.ignored, json.skipped],
    [['gone'], ['added'], ['id'], ['note']],
  );
  assert.match(json.problems.join(), /1 of 4 reference columns are missing/);
});

test('nothing tested is a failure, not "no drift"', async () => {
  const report = await driftOf({ x: values() }, { y: values() });
  assert.equal(report.dataset.drift, true);
  assert.equal(report.dataset.columns, 0);
  assert.match(
    renderDriftCheckOutput(report, sources).title,
    /^Drift check failed: no column could be tested/,
  );
});
