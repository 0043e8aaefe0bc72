import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runModelship } from '../support/run-cli-in-process.js';

const root = join(import.meta.dirname, '../..');

/** A scratch repository with the example checks and a small dataset written by the test. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-validate-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const checks = `checks:
  - check: columns-present
    columns: [id, age, city]
  - check: unique
    column: id
  - check: between
    column: age
    min: 0
    max: 120
  - check: allowed-values
    column: city
    values: [Lyon, Paris]
    severity: warning
`;

describe('modelship validate', () => {
  test('the bundled example passes its example checks (exit 0) through .github/modelship.yml', async () => {
    const run = await runModelship(['validate'], root);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Validation passed.*of \d+ checks passed on 5,000 rows/);
  });

  test('a failing error-level check exits 1 and names the row and its CSV line', async () => {
    // The quoted field spans two physical lines, so row 3 starts on line 5, not line 4.
    const dir = workspace({
      'checks.yml': checks,
      'data.csv': 'id,age,city\n1,34,Lyon\n2,"41","Par\nis"\n3,-5,Paris\n4,70,Paris\n',
    });
    const run = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--json'],
      dir,
    );
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      success: boolean;
      errorsFailed: number;
      warningsFailed: number;
      results: {
        name: string;
        success: boolean;
        unexpectedCount: number;
        examples: { row: number; line: number; value: unknown }[];
      }[];
    };
    assert.equal(report.success, false);
    assert.equal(report.errorsFailed, 1);
    assert.equal(report.warningsFailed, 1);
    const between = report.results.find((r) => r.name.startsWith('between'))!;
    assert.equal(between.success, false);
    assert.equal(between.unexpectedCount, 1);
    assert.deepEqual(
      between.examples.map((e) => [e.row, e.line, e.value]),
      [[3, 5, -5]],
    );
  });

  test('--fail-on never exits 0 on failing checks; --fail-on warning exits 1 on a warning', async () => {
    const dir = workspace({ 'checks.yml': checks, 'data.csv': 'id,age,city\n1,34,Berlin\n2,-1,Lyon\n' });
    const never = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--fail-on', 'never'],
      dir,
    );
    assert.equal(never.code, 0);
    assert.match(never.stdout, /Validation failed: 1 error, 1 warning/);
    const onlyWarning = workspace({ 'checks.yml': checks, 'data.csv': 'id,age,city\n1,34,Berlin\n' });
    const strict = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--fail-on', 'warning'],
      onlyWarning,
    );
    assert.equal(strict.code, 1);
    const lenient = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml'],
      onlyWarning,
    );
    assert.equal(lenient.code, 0);
  });

  test('--infer prints a starter checks file that the data it came from passes', async () => {
    const dir = workspace({});
    copyFileSync(join(root, 'examples/data/train.csv'), join(dir, 'train.csv'));
    const inferred = await runModelship(['validate', '--infer', '--data', 'train.csv'], dir);
    assert.equal(inferred.code, 0, inferred.stderr);
    assert.match(inferred.stdout, /^checks:/m);
    writeFileSync(join(dir, 'inferred.yml'), inferred.stdout);
    const run = await runModelship(['validate', '--data', 'train.csv', '--checks', 'inferred.yml'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });
});

/** Each bad input: exit 2, one paragraph naming the file (and line/field where there is one), no stack. */
describe('modelship validate on bad input', () => {
  const cases: { name: string; files: Record<string, string | Buffer>; args?: string[]; expect: RegExp }[] = [
    {
      name: 'ragged row',
      files: { 'data.csv': 'id,age,city\n1,2,Lyon\n2,3,Paris,extra\n' },
      expect: /data\.csv:3.*expected 3 fields.*found 4/,
    },
    {
      name: 'unterminated quote',
      files: { 'data.csv': 'id,age,city\n1,2,Lyon\n2,3,"Paris\n3,4,Lyon\n' },
      expect: /data\.csv:3.*(unterminated|quote)/i,
    },
    {
      name: 'invalid UTF-8',
      files: {
        'data.csv': Buffer.concat([
          Buffer.from('id,age,city\n1,2,'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('\n'),
        ]),
      },
      expect: /data\.csv:2.*city.*UTF-8/,
    },
    { name: 'empty file', files: { 'data.csv': '' }, expect: /data\.csv.*empty/i },
    {
      name: 'header-only file',
      files: { 'data.csv': 'id,age,city\n' },
      expect: /data\.csv.*header but no data rows/,
    },
    { name: 'missing data file', files: {}, args: ['--data', 'nope.csv'], expect: /nope\.csv/ },
    {
      name: 'missing checks file',
      files: { 'data.csv': 'id,age,city\n1,2,Lyon\n' },
      args: ['--checks', 'missing.yml'],
      expect: /missing\.yml.*not found/,
    },
    {
      name: 'invalid YAML',
      files: {
        'data.csv': 'id,age,city\n1,2,Lyon\n',
        'checks.yml': 'checks:\n  - check: unique\n    column: [id\n',
      },
      expect: /checks\.yml:\d+.*YAML/i,
    },
    {
      name: 'unknown check kind',
      files: {
        'data.csv': 'id,age,city\n1,2,Lyon\n',
        'checks.yml':
          'checks:\n  - check: unique\n    column: id\n  - check: no-such-check\n    column: id\n',
      },
      expect: /checks\.yml:4.*checks\[1\]/,
    },
    {
      name: 'unknown column',
      files: {
        'data.csv': 'id,age,city\n1,2,Lyon\n',
        'checks.yml': 'checks:\n  - check: not-null\n    column: agee\n',
      },
      expect: /checks\.yml:\d+.*agee.*age/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const dir = workspace({ 'checks.yml': checks, ...c.files });
      const run = await runModelship(
        ['validate', '--data', 'data.csv', '--checks', 'checks.yml', ...(c.args ?? [])],
        dir,
      );
      assert.equal(run.code, 2, `exit code; stdout: ${run.stdout}`);
      assert.match(run.stderr, c.expect);
      assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
      assert.equal(run.stdout, '');
    });
  }

  test('a configuration error lists every problem with its YAML path and line', async () => {
    const dir = workspace({
      '.github/modelship.yml': 'version: 1\nvalidate:\n  fail-on: sometimes\n  max-annotations: -3\n',
      'data.csv': 'id\n1\n',
    });
    const run = await runModelship(['validate', '--data', 'data.csv', '--checks', 'checks.yml'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.github\/modelship\.yml:3 \(validate\.fail-on\): 2 problems/);
    assert.match(run.stderr, /line 4, validate\.max-annotations/);
  });

  test('an unknown option is a usage error naming the command', async () => {
    const run = await runModelship(['validate', '--dataa', 'x'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--dataa.*modelship validate --help/);
  });
});

describe('modelship validate ends at once on every path', () => {
  test('600,000 rows and a check on an unknown column: exit 2 at once, no thread left', async () => {
    const { spawn } = await import('node:child_process');
    const rows = Array.from({ length: 600_000 }, (_, i) => `${i},${i % 97},c${i % 13}`);
    const dir = workspace({
      'big.csv': `id,x,city\n${rows.join('\n')}\n`,
      'checks.yml': 'checks:\n  - check: not-null\n    column: nope\n',
    });
    const child = spawn(
      process.execPath,
      [join(root, 'bin/modelship.js'), 'validate', '--data', 'big.csv', '--checks', 'checks.yml'],
      { cwd: dir },
    );
    let stderr = '';
    let printed = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      printed ||= performance.now();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((ok) =>
      child.once('exit', (exitCode, exitSignal) => ok([exitCode, exitSignal])),
    );
    clearTimeout(killer);
    const tail = performance.now() - printed;
    assert.equal(signal, null, 'killed: a reader thread kept the process alive');
    assert.equal(code, 2, stderr);
    assert.match(stderr, /checks\.yml:3 \(checks\[0\]\.column\): unknown column "nope"/);
    // The whole run takes about 0.3 s on an idle machine; what must never come back is the wait
    // after the message, for a reader thread nobody stops.
    assert.ok(tail < 1000, `the process ended ${tail.toFixed(0)} ms after its message`);
  });

  test('a report path that names an input, a directory, or a path under a file is refused', async () => {
    const dir = workspace({ 'data.csv': 'id,age,city\n1,30,Lyon\n', 'checks.yml': checks });
    mkdirSync(join(dir, 'reports'));
    for (const [report, message] of [
      ['data.csv', /would overwrite the input data\.csv/],
      ['./sub/../checks.yml', /would overwrite the input checks\.yml/],
      ['reports', /is a directory/],
      ['data.csv/r.json', /data\.csv is a file, not a directory/],
    ] as const) {
      const run = await runModelship(
        ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--report', report],
        dir,
      );
      assert.equal(run.code, 2, report);
      assert.match(run.stderr, message, report);
    }
    const { readFileSync, readdirSync, symlinkSync } = await import('node:fs');
    symlinkSync(join(dir, 'data.csv'), join(dir, 'link.json'));
    const linked = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--report', 'link.json'],
      dir,
    );
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /would overwrite the input data\.csv/);
    assert.equal(readFileSync(join(dir, 'data.csv'), 'utf8'), 'id,age,city\n1,30,Lyon\n');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left',
    );

    const ok = await runModelship(
      ['validate', '--data', 'data.csv', '--checks', 'checks.yml', '--report', 'reports/r.json'],
      dir,
    );
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'reports/r.json'), 'utf8')).success, true);
  });
});
