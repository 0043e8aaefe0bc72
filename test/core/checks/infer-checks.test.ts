import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inferChecks } from '../../../core/checks/infer-checks.js';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { tableStream } from '../../support/table-stream.js';

const now = new Date('2026-01-10T00:00:00Z');
const data = {
  id: [1, 2, 3, 4, 5, 6, 7],
  zip: ['01234', '02345', '01234', '09999', '01234', '02345', '01234'],
  'unit price': [1.5, -0.25, 3, null, 1e-7, 2.75, 9],
  flag: [true, false, true, true, false, true, true],
  at: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07'].map(
    (d) => new Date(`${d}T00:00:00Z`),
  ),
  empty: [null, null, null, null, null, null, null],
};

describe('inferChecks', () => {
  it('writes a checks file that loads back and passes on the data it came from', async () => {
    const yaml = await inferChecks(tableStream(data, { batchRows: 2 }), { now });
    const checks = loadChecks(yaml, 'inferred.yml');
    const kinds = checks.checks.map((c) => c.name);
    for (const expected of [
      'columns-present(id, zip, unit price, … +3)',
      'row-count',
      'column-type(id)',
      'unique(id)',
      'between(id)',
      'allowed-values(zip)',
      'not-null(unit price)',
      'between(unit price)',
      'column-type(at)',
    ])
      assert.ok(kinds.includes(expected), `${expected} in ${kinds.join('; ')}`);
    assert.ok(!kinds.includes('unique(zip)'));
    assert.ok(!kinds.some((k) => k.includes('(empty)')));
    assert.match(yaml, /column: "unit price"\n {4}mostly: 0\.85/);
    assert.match(yaml, /values: \["01234", "02345", "09999"\]/);

    const report = await runChecks(tableStream(data, { batchRows: 3 }), checks, { now });
    const failed = report.results.filter((r) => !r.success).map((r) => `${r.name}: ${r.message}`);
    assert.deepEqual(failed, []);
    assert.equal(report.success, true);
  });

  it('suggests freshness commented out, so the committed file keeps passing on unchanged data', async () => {
    const yaml = await inferChecks(tableStream(data), { now });
    const later = new Date('2026-03-01T00:00:00Z');
    const report = await runChecks(tableStream(data), loadChecks(yaml, 'inferred.yml'), { now: later });
    assert.equal(report.success, true);
    assert.ok(!report.results.some((r) => r.check === 'freshness'));
    assert.match(
      yaml,
      /# The newest value was 2026-01-07T00:00:00.000Z \(3 days before this file was written\)\./,
    );

    // Uncommented as the comment says, it is a valid check.
    const uncommented = yaml.replace(/^ {2}# {1,3}(- check: freshness|column: at|max-age: 7d)$/gm, (line) =>
      line.replace('# ', ''),
    );
    const freshness = loadChecks(uncommented, 'inferred.yml').checks.find(
      (c) => c.check.check === 'freshness',
    );
    assert.deepEqual(freshness?.check, {
      check: 'freshness',
      column: 'at',
      'max-age': '7d',
      severity: 'error',
    });
  });

  it('fails on data it did not come from', async () => {
    const yaml = await inferChecks(tableStream(data), { now });
    const changed = { ...data, id: [1, 2, 3, 3, 5, 6, 70] };
    const report = await runChecks(tableStream(changed), loadChecks(yaml, 'inferred.yml'), { now });
    assert.deepEqual(
      report.results.filter((r) => !r.success).map((r) => r.name),
      ['unique(id)', 'between(id)'],
    );
  });
});
