import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import type { CheckResult } from '../../../core/checks/report.js';
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
    assert.equal(r.message, '2 of 6 values (33%) are below 0, e.g. row 3 (line 4): -3');
  });
});
