import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import type { CheckResult } from '../../../core/checks/validation-report.js';
import { openDataset } from '../../../core/data/open-dataset.js';
import { memoryFile } from '../../support/memory-file.js';
import { tableStream, type Cell } from '../../support/table-stream.js';

async function run(yaml: string, columns: Record<string, readonly Cell[]>, batchRows = 3, now?: Date) {
  const checks = loadChecks(yaml, 'checks.yml');
  return runChecks(tableStream(columns, { batchRows }), checks, { maxExamples: 3, ...(now ? { now } : {}) });
}

async function one(
  check: string,
  columns: Record<string, readonly Cell[]>,
  batchRows = 3,
): Promise<CheckResult> {
  const report = await run(`checks:\n  - ${check.trim().replace(/\n/g, '\n    ')}\n`, columns, batchRows);
  assert.equal(report.results.length, 1);
  return report.results[0]!;
}

describe('runChecks', () => {
  it('min: counts, locates and describes values below the bound', async () => {
    const r = await one('check: min\ncolumn: x\nvalue: 0', { x: [1, 2, -3, 4, null, -1, 7] });
    assert.equal(r.success, false);
    assert.equal(r.unexpectedCount, 2);
    assert.equal(r.unexpectedPercent, (100 * 2) / 6);
    assert.deepEqual(r.examples, [
      { row: 3, line: 4, source: 'data.csv', value: -3 },
      { row: 6, line: 7, source: 'data.csv', value: -1 },
    ]);
    assert.equal(r.observed, -3);
    assert.equal(r.name, 'min(x)');
    assert.equal(r.message, '2 of 6 values (33.3%) are below 0, e.g. row 3 (line 4): -3');
  });
});

const at = (d: string) => new Date(`${d}T00:00:00Z`);

describe('every check kind', () => {
  it('max and strict bounds', async () => {
    assert.equal((await one('check: max\ncolumn: x\nvalue: 7', { x: [1, 7, 3] })).success, true);
    const strict = await one('check: max\ncolumn: x\nvalue: 7\nstrict: true', { x: [1, 7, 3] });
    assert.equal(strict.success, false);
    assert.equal(strict.observed, 7);
    assert.match(strict.message, /are not below 7, e\.g\. row 2 \(line 3\): 7$/);
  });

  it('between: both bounds, strictness, mostly, NaN outside, and severity', async () => {
    const x = [0, 0.5, 1, 2, -1, NaN, 0.7, 0.2, 0.9, 0.4];
    const plain = await one('check: between\ncolumn: x\nmin: 0\nmax: 1', { x });
    assert.equal(plain.unexpectedCount, 3);
    assert.deepEqual(plain.observed, { min: -1, max: 2 });
    assert.match(plain.message, /^3 of 10 values \(30%\) are outside \[0, 1\], e\.g\. row 4 \(line 5\): 2$/);
    const strict = await one(
      'check: between\ncolumn: x\nmin: 0\nmax: 1\nstrict-min: true\nstrict-max: true',
      { x },
    );
    assert.equal(strict.unexpectedCount, 5);
    const mostly = await one('check: between\ncolumn: x\nmin: 0\nmax: 1\nmostly: 0.7', { x });
    assert.equal(mostly.success, true);
    assert.match(mostly.message, /within mostly 0\.7$/);
    const tooStrict = await one('check: between\ncolumn: x\nmin: 0\nmax: 1\nmostly: 0.71', { x });
    assert.equal(tooStrict.success, false);
    const report = await run(
      'checks:\n  - check: between\n    column: x\n    max: 1\n    severity: warning\n',
      { x },
    );
    assert.equal(report.success, true);
    assert.equal(report.warningsFailed, 1);
    assert.equal(report.errorsFailed, 0);
    assert.equal(report.results[0]!.severity, 'warning');
  });

  it('between on timestamps compares instants; numbers there are flagged', async () => {
    const t = [at('2024-01-01'), at('2024-06-01'), null, at('2025-02-01')];
    const r = await one("check: between\ncolumn: t\nmin: '2024-01-01'\nmax: 2024-12-31T23:59:59Z", { t });
    assert.equal(r.unexpectedCount, 1);
    assert.deepEqual(r.examples[0], {
      row: 4,
      line: 5,
      source: 'data.csv',
      value: '2025-02-01T00:00:00.000Z',
    });
    assert.deepEqual(r.observed, { min: '2024-01-01T00:00:00.000Z', max: '2025-02-01T00:00:00.000Z' });
  });

  it('a stray text value in a numeric column fails as "not a number" with its row; other batches still count', async () => {
    const x = [1, 2, 3, 4, 'N/A', 6, 7, '8', 9];
    const r = await one('check: min\ncolumn: x\nvalue: 0', { x });
    assert.equal(r.success, false);
    assert.equal(r.unexpectedCount, 1);
    assert.deepEqual(r.examples, [{ row: 5, line: 6, source: 'data.csv', value: 'N/A' }]);
    assert.match(r.message, /1 of 9 values \(11.1%\) are not numbers, e\.g\. row 5 \(line 6\): "N\/A"/);
    const mean = await one('check: mean\ncolumn: x\nmin: 0', { x });
    assert.equal(mean.observed, (1 + 2 + 3 + 4 + 6 + 7 + 8 + 9) / 8);
    assert.equal(mean.success, false);
    assert.equal(mean.unexpectedCount, 1);
  });

  it('a numeric check on a text column is a UserError at the check line', async () => {
    const yaml =
      'checks:\n  - check: not-null\n    column: name\n  - check: mean\n    column: name\n    min: 0\n';
    await assert.rejects(
      run(yaml, { name: ['ann', 'bob', 'cy', 'dee'] }),
      (error: Error & { location?: object }) => {
        assert.equal(error.name, 'UserError');
        assert.deepEqual(error.location, { file: 'checks.yml', line: 5, field: 'checks[1].column' });
        assert.match(error.message, /holds no numbers \(e\.g\. "ann"\)/);
        return true;
      },
    );
  });

  it('not-null and null-rate', async () => {
    const x = [1, null, 3, null, 5, 6, 7, 8, 9, 10];
    const r = await one('check: not-null\ncolumn: x', { x });
    assert.equal(r.success, false);
    assert.equal(r.unexpectedCount, 2);
    assert.deepEqual(
      r.examples.map((e) => [e.row, e.line, e.value]),
      [
        [2, 3, null],
        [4, 5, null],
      ],
    );
    assert.equal((await one('check: not-null\ncolumn: x\nmostly: 0.8', { x })).success, true);
    assert.equal((await one('check: not-null\ncolumn: x\nmostly: 0.81', { x })).success, false);
    const rate = await one('check: null-rate\ncolumn: x\nmax: 0.1', { x });
    assert.equal(rate.success, false);
    assert.equal(rate.observed, 0.2);
    assert.equal((await one('check: null-rate\ncolumn: x\nmax: 0.2', { x })).success, true);
  });

  it('unique: single columns of numbers and text, duplicates counted like Great Expectations', async () => {
    const r = await one('check: unique\ncolumn: x', { x: [1, 2, 1.0, null, null, 3, 1, 2] });
    assert.equal(r.unexpectedCount, 5);
    assert.equal(r.unexpectedPercent, (100 * 5) / 6);
    assert.deepEqual(
      r.examples.map((e) => [e.row, e.value]),
      [
        [3, 1],
        [7, 1],
        [8, 2],
      ],
    );
    const text = await one('check: unique\ncolumn: s', { s: ['a', 'b', 'ab', 'a', null, ''] });
    assert.equal(text.unexpectedCount, 2);
    assert.equal((await one('check: unique\ncolumn: s', { s: ['a', 'b', 'ab', 'ba', ''] })).success, true);
  });

  it('unique across batches whose type changes (a stray text value widens one batch)', async () => {
    const r = await one('check: unique\ncolumn: x', { x: [1, 2, 3, 'N/A', 5, 6, 2, 'N/A', 9] });
    assert.equal(r.unexpectedCount, 4);
    assert.deepEqual(
      r.examples.map((e) => [e.row, e.value]),
      [
        [7, '2'], // as the widened batch holds it
        [8, 'N/A'],
      ],
    );
  });

  it('unique: compound keys skip rows with a missing part', async () => {
    const columns = { a: ['x', 'x', 'y', 'x', 'x', null, null], b: [1, 2, 1, 1, null, 1, 1] };
    const r = await one('check: unique\ncolumns: [a, b]', columns);
    assert.equal(r.name, 'unique(a, b)');
    assert.equal(r.unexpectedCount, 2);
    assert.deepEqual(r.examples, [{ row: 4, line: 5, source: 'data.csv', value: ['x', 1] }]);
    assert.deepEqual(r.columns, ['a', 'b']);
    // "ab"+"c" and "a"+"bc" are different keys.
    const ok = await one('check: unique\ncolumns: [a, b]', { a: ['ab', 'a'], b: ['c', 'bc'] });
    assert.equal(ok.success, true);
  });

  it('allowed-values on text and on numbers', async () => {
    const r = await one('check: allowed-values\ncolumn: c\nvalues: [red, green]', {
      c: ['red', 'blue', 'green', null, 'Red', 'blue'],
    });
    assert.equal(r.unexpectedCount, 3);
    assert.deepEqual(r.observed, ['blue', 'Red']);
    assert.match(r.message, /are not among the 2 allowed values/);
    const n = await one('check: allowed-values\ncolumn: n\nvalues: [1, 2]', { n: [1, 2, '1.0', 3] });
    assert.equal(n.unexpectedCount, 1);
    assert.deepEqual(
      n.examples.map((e) => e.value),
      [3],
    );
    const mostly = await one('check: allowed-values\ncolumn: c\nvalues: [a]\nmostly: 0.5', { c: ['a', 'b'] });
    assert.equal(mostly.success, true);
  });

  it('regex and string-length', async () => {
    const s = ['ST-001', 'ST-02', 'ST-003', 'st-004', null];
    const r = await one("check: regex\ncolumn: s\npattern: '^ST-\\d{3}$'", { s });
    assert.equal(r.unexpectedCount, 2);
    assert.equal(r.observed, 0.5);
    assert.deepEqual(
      r.examples.map((e) => e.row),
      [2, 4],
    );
    const numbers = await one("check: regex\ncolumn: n\npattern: '^\\d{2}$'", { n: [12, 345, 67] });
    assert.equal(numbers.unexpectedCount, 1);
    const len = await one('check: string-length\ncolumn: s\nmin: 6\nmax: 6', {
      s: ['abcdef', 'abc', 'a😀cdef', 'abcdefg'],
    });
    assert.equal(len.unexpectedCount, 2);
    assert.deepEqual(len.observed, { min: 3, max: 7 });
  });

  it('row-count and the header checks', async () => {
    const columns = { id: [1, 2, 3, 4], age: [1, 2, 3, 4], label: [0, 1, 0, 1] };
    const report = await run(
      `checks:
  - check: row-count
    min: 5
  - check: row-count
    max: 4
  - check: columns-present
    columns: [id, agee, name]
  - check: columns-absent
    columns: [label, target]
  - check: columns-in-order
    columns: [id, label]
  - check: columns-in-order
    columns: [label, id]
  - check: columns-in-order
    columns: [id, age]
    exact: true
`,
      columns,
    );
    const byName = report.results.map((r) => [r.name, r.success, r.message]);
    assert.deepEqual(byName, [
      ['row-count', false, '4 rows; expected at least 5'],
      ['row-count #2', true, '4 rows; at most 4'],
      [
        'columns-present(id, agee, name)',
        false,
        'missing columns: "agee", "name"; "agee" (did you mean "age"?)',
      ],
      ['columns-absent(label, target)', false, 'unwanted column is present: "label"'],
      ['columns-in-order(id, label)', true, 'the 2 columns are in order'],
      ['columns-in-order(label, id)', false, '"id" comes before "label"'],
      ['columns-in-order(id, age)', false, 'unexpected column "label" at position 3 (after the 2 listed)'],
    ]);
    assert.equal(report.rows, 4);
    assert.equal(report.columns, 3);
    assert.equal(report.errorsFailed, 5);
    assert.equal(report.success, false);
  });

  it('column-type judges values, so forced text and stray values are handled', async () => {
    const ok = await one('check: column-type\ncolumn: x\ntype: float', { x: [1, 2, 3, 4.5] });
    assert.equal(ok.success, true);
    assert.equal(ok.observed, 'float');
    const stray = await one('check: column-type\ncolumn: x\ntype: integer', {
      x: [1, 2, 3, 4, 'five', 6, 7.5],
    });
    assert.equal(stray.success, false);
    assert.equal(stray.unexpectedCount, 2);
    assert.deepEqual(
      stray.examples.map((e) => e.value),
      ['five', 7.5],
    );
    assert.equal(stray.observed, 'string');
    const forced = await runChecks(
      tableStream({ z: [1, 2, 3] }, { columnTypes: { z: 'string' } }),
      loadChecks('checks:\n  - check: column-type\n    column: z\n    type: integer\n', 'c.yml'),
    );
    assert.equal(forced.results[0]!.success, true);
    const ts = await one('check: column-type\ncolumn: t\ntype: timestamp', {
      t: [at('2024-01-01'), '2024-02-01', 'x'],
    });
    assert.equal(ts.unexpectedCount, 1);
  });

  it('column-type string judges the column by its final type, whatever its early batches were read as', async () => {
    // Integers for two batches, then a stray text value: the column is text, every value a string.
    const late = await one('check: column-type\ncolumn: x\ntype: string', { x: [1, 2, 3, 4, 5, null, 'x'] });
    assert.equal(late.success, true);
    assert.equal(late.unexpectedCount, 0);
    assert.equal(late.observed, 'string');
    const numbers = await one('check: column-type\ncolumn: x\ntype: string', { x: [1, 2, 3, 4.5] });
    assert.equal(numbers.success, false);
    assert.equal(numbers.observed, 'float');
    assert.equal(numbers.unexpectedCount, 4);
    assert.equal(numbers.message, '4 of 4 values (100%) are not strings, e.g. row 1 (line 2): 1');
  });

  it('column-type on a CSV column that widens late: the counts agree with the observed type', async () => {
    // Past the reader's first batches (4,096 then 65,536 rows), so early batches are read as integers.
    const csv = `x\n${Array.from({ length: 80_000 }, (_, i) => i).join('\n')}\nabc\n`;
    const stream = await openDataset([memoryFile('data.csv', csv)]);
    const yaml =
      'checks:\n  - check: column-type\n    column: x\n    type: string\n  - check: column-type\n    column: x\n    type: integer\n';
    const [text, integer] = (await runChecks(stream, loadChecks(yaml, 'c.yml'))).results;
    assert.deepEqual([text!.success, text!.observed, text!.unexpectedCount], [true, 'string', 0]);
    assert.deepEqual([integer!.success, integer!.observed, integer!.unexpectedCount], [false, 'string', 1]);
    assert.equal(
      integer!.message,
      '1 of 80,001 values (0.00125%) are not integers, e.g. row 80,001 (line 80,002): "abc"',
    );
  });

  it('freshness against an injected now', async () => {
    const t = [at('2026-01-01'), null, at('2026-01-05'), at('2025-12-01')];
    const now = new Date('2026-01-06T12:00:00Z');
    const yaml = (age: string) => `checks:\n  - check: freshness\n    column: t\n    max-age: ${age}\n`;
    const fresh = (await run(yaml('1d12h'), { t }, 3, now)).results[0]!;
    assert.equal(fresh.success, true);
    assert.equal(fresh.observed, '2026-01-05T00:00:00.000Z');
    assert.equal(fresh.message, 'newest value 2026-01-05T00:00:00.000Z is 1d 12h old; the limit is 1d12h');
    assert.equal((await run(yaml('36h'), { t }, 3, now)).results[0]!.success, true);
    assert.equal((await run(yaml('35h'), { t }, 3, now)).results[0]!.success, false);
    assert.equal((await run(yaml('1w'), { t }, 3, now)).results[0]!.success, true);
    assert.equal((await run(yaml('90m'), { t }, 3, now)).results[0]!.success, false);
  });

  it('statistics fail outside their bounds', async () => {
    const x = [1, 2, 3, 4, 100];
    assert.equal(
      (await one('check: mean\ncolumn: x\nmax: 10', { x })).message,
      'mean 22 is above the maximum 10',
    );
    assert.equal((await one('check: median\ncolumn: x\nmax: 3', { x })).success, true);
    assert.equal((await one('check: std\ncolumn: x\nmin: 50', { x })).success, false);
    assert.equal(
      (await one('check: quantile\ncolumn: x\nq: 0.9\nmin: 50', { x })).observed,
      61.60000000000001,
    ); // numpy's value
    const empty = await one('check: mean\ncolumn: x\nmin: 0', { x: [null, null] });
    assert.equal(empty.success, false);
    assert.equal(empty.message, 'no values to compute the mean of');
  });

  it('locates rows across files and multi-line records', async () => {
    const stream = tableStream(
      { x: [1, -1, 2, -2] },
      { source: 'b.csv', firstLine: 10, extraLines: { 0: 2 } },
    );
    const report = await runChecks(
      stream,
      loadChecks('checks:\n  - {check: min, column: x, value: 0}\n', 'c.yml'),
    );
    assert.deepEqual(report.results[0]!.examples, [
      { row: 2, line: 13, source: 'b.csv', value: -1 },
      { row: 4, line: 15, source: 'b.csv', value: -2 },
    ]);
  });

  it('keeps only maxExamples examples but counts everything', async () => {
    const x = Array.from({ length: 50 }, (_, i) => -i - 1);
    const r = await one('check: min\ncolumn: x\nvalue: 0', { x }, 7);
    assert.equal(r.unexpectedCount, 50);
    assert.equal(r.examples.length, 3);
  });
});
