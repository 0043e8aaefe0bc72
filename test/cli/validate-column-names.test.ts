import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runModelship } from '../support/run-cli-in-process.js';

/** Names that are members of Object.prototype: real data sets have a `constructor` column. */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

// A check of each kind that reads values, one per name; the regex check forces `__proto__` to text.
const checks = `checks:
  - check: columns-present
    columns: [${NAMES.join(', ')}]
  - check: unique
    column: constructor
  - check: not-null
    column: constructor
  - check: max
    column: toString
    value: 5
  - check: column-type
    column: valueOf
    type: integer
  - check: mean
    column: hasOwnProperty
    min: 0
    max: 10
  - check: regex
    column: __proto__
    pattern: "^0[0-9]$"
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-names-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

interface Report {
  results: { check: string; success: boolean; unexpectedCount?: number; message: string }[];
}

async function validate(data: string, content: string): Promise<Report> {
  const dir = workspace({ 'checks.yml': checks, [data]: content });
  const run = await runModelship(['validate', '--data', data, '--checks', 'checks.yml', '--json'], dir);
  assert.equal(run.stderr, '');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}`);
  return JSON.parse(run.stdout) as Report;
}

describe('column names that are Object.prototype members', () => {
  test('CSV: every check runs on its column (exit 0), the regex column read as written', async () => {
    const csv = `${NAMES.join(',')}\n1,2,3,4,01\n2,3,4,5,02\n3,5,6,7,03\n`;
    const report = await validate('data.csv', csv);
    for (const r of report.results) assert.ok(r.success, `${r.check}: ${r.message}`);
    assert.equal(report.results.length, 7);
  });

  test('JSON Lines: a row without the `constructor` key reads it as missing, not as a member', async () => {
    const jsonl = [
      '{"constructor": 1, "toString": 2, "valueOf": 3, "hasOwnProperty": 4, "__proto__": "01"}',
      '{"toString": 3, "valueOf": 4, "hasOwnProperty": 5, "__proto__": "02"}',
      '{"constructor": 3, "toString": 5, "valueOf": 6, "hasOwnProperty": 7, "__proto__": "03"}',
    ].join('\n');
    const report = await validate('data.jsonl', jsonl);
    const byCheck = new Map(report.results.map((r) => [r.check, r]));
    assert.equal(byCheck.get('not-null')!.success, false);
    assert.equal(byCheck.get('not-null')!.unexpectedCount, 1);
    for (const r of report.results.filter((r) => r.check !== 'not-null'))
      assert.ok(r.success, `${r.check}: ${r.message}`);
  });
});
