import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inferChecks } from '../../../core/checks/infer-checks.js';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { requiredColumns, requiredColumnTypes, runChecks } from '../../../core/checks/run-checks.js';
import { tableStream } from '../../support/table-stream.js';

// Names that a plain object already "has": a lookup keyed by column name must not find them.
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function data() {
  const columns: Record<string, (string | number | null)[]> = Object.create(null) as Record<string, never>;
  for (const name of NAMES) columns[name] = ['a1', 'b2', null, 'c3'];
  columns.n = [1, 2, 3, 4];
  return columns;
}

describe('columns named like Object.prototype members', () => {
  it('are checked like any other column, and forced to text when a check needs text', async () => {
    const entries = NAMES.map(
      (name) =>
        `  - check: regex\n    column: ${JSON.stringify(name)}\n    pattern: '^[a-c]\\d$'\n  - check: not-null\n    column: ${JSON.stringify(name)}\n  - check: unique\n    column: ${JSON.stringify(name)}\n  - check: allowed-values\n    column: ${JSON.stringify(name)}\n    values: [a1, b2, c3]`,
    );
    const yaml = `checks:\n  - check: columns-present\n    columns: ${JSON.stringify(NAMES)}\n  - check: columns-in-order\n    columns: ${JSON.stringify(NAMES)}\n${entries.join('\n')}\n`;
    const checks = loadChecks(yaml, 'checks.yml');
    assert.deepEqual(requiredColumns(checks), NAMES);
    const types = requiredColumnTypes(checks);
    assert.deepEqual(Object.keys(types), NAMES);
    for (const name of NAMES) assert.equal(types[name], 'string');
    assert.equal(types.n, undefined, 'an unforced column is not forced, whatever its name');

    const report = await runChecks(tableStream(data()), checks);
    const summary = report.results.map((r) => `${r.name}: ${r.success ? 'pass' : r.message}`);
    const failed = report.results.filter((r) => !r.success);
    assert.deepEqual(
      failed.map((r) => r.name),
      NAMES.map((n) => `not-null(${n})`),
      summary.join('\n'),
    );
  });

  it('an unknown column with such a name is reported, not found on the prototype', async () => {
    const checks = loadChecks('checks:\n  - check: not-null\n    column: constructor\n', 'checks.yml');
    await assert.rejects(runChecks(tableStream({ n: [1] }), checks), /unknown column "constructor"/);
  });

  it('are inferred into a checks file the data passes', async () => {
    const yaml = await inferChecks(tableStream(data()));
    const report = await runChecks(tableStream(data()), loadChecks(yaml, 'inferred.yml'));
    assert.equal(report.success, true, JSON.stringify(report.results.filter((r) => !r.success)));
  });
});
