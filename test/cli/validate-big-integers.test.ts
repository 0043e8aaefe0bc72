import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { runModelship } from '../support/run-cli-in-process.js';

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-big-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// Distinct 19-digit ids that are one double apart or less: as doubles, all three are 12345678901234567000.
const IDS = ['12345678901234567891', '12345678901234567892', '12345678901234567000'];

const data = {
  'data.csv': `id,n\n${IDS.map((id, i) => `${id},${i}`).join('\n')}\n`,
  'data.jsonl': IDS.map((id, i) => `{"id": ${id}, "n": ${i}}`).join('\n'),
};

async function validate(file: string, checks: string) {
  const dir = workspace({ ...data, 'checks.yml': checks });
  return runModelship(['validate', '--data', file, '--checks', 'checks.yml', '--json'], dir);
}

const parquet = (name: string, data: bigint[]) =>
  new Uint8Array(parquetWriteBuffer({ columnData: [{ name, data, type: 'INT64' }] }));

describe('integers beyond 2^53 are never rounded', () => {
  test('data.parquet: distinct INT64 ids one double apart pass unique; max says why it cannot judge', async () => {
    // 19 digits within INT64; as doubles all three are 1234567890123456768.
    const ids = [1234567890123456789n, 1234567890123456790n, 1234567890123456791n];
    const dir = workspace({
      'data.parquet': parquet('id', ids),
      'unique.yml': 'checks:\n  - check: unique\n    column: id\n',
      'max.yml': 'checks:\n  - check: max\n    column: id\n    value: 1234567890123456789\n',
    });
    const unique = await runModelship(['validate', '--data', 'data.parquet', '--checks', 'unique.yml'], dir);
    assert.equal(unique.code, 0, unique.stdout + unique.stderr);
    const max = await runModelship(['validate', '--data', 'data.parquet', '--checks', 'max.yml'], dir);
    assert.equal(max.code, 2, max.stdout);
    assert.match(max.stderr, /the column holds integers beyond ±2\^53 \(e\.g\. "1234567890123456789"\)/);
  });

  for (const file of Object.keys(data)) {
    test(`${file}: distinct 19-digit ids pass unique, and are integers to column-type`, async () => {
      // No text check on the column here: one (regex, allowed strings) would force it to text anyway.
      const run = await validate(
        file,
        'checks:\n  - check: unique\n    column: id\n  - check: column-type\n    column: id\n    type: integer\n',
      );
      assert.equal(run.stderr, '');
      assert.equal(run.code, 0, run.stdout);
    });

    test(`${file}: a max check cannot pass a value above its bound by rounding: it says why it cannot judge`, async () => {
      // As doubles, 9007199254740993 and the bound 9007199254740992 are equal: the check would pass.
      const dir = workspace({
        [file]: file.endsWith('.csv') ? 'id\n1\n9007199254740993\n' : '{"id": 1}\n{"id": 9007199254740993}\n',
        'checks.yml': 'checks:\n  - check: max\n    column: id\n    value: 9007199254740992\n',
      });
      const run = await runModelship(['validate', '--data', file, '--checks', 'checks.yml'], dir);
      assert.equal(run.code, 2, run.stdout);
      assert.match(
        run.stderr,
        /checks\.yml:3 \(checks\[0\]\.column\): the column holds integers beyond ±2\^53 \(e\.g\. "9007199254740993"\), which cannot be compared as numbers without rounding/,
      );
    });
  }
});
