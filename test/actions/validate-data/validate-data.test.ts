import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runAction } from '../../support/action-harness.js';
import { runModelship } from '../../support/run-cli-in-process.js';

const root = join(import.meta.dirname, '../../..');
const entry = join(root, 'dist/validate-data.js');

/** A checked-out repository: the example data, checks and config, as actions/checkout leaves it. */
function checkout(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-workspace-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(root, '.github'), join(dir, '.github'), { recursive: true });
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Results without timing, which differs between any two runs. */
function comparable(report: { success: boolean; durationMs?: number }) {
  return { ...report, durationMs: 0 };
}

describe('validate-data action (bundled dist entry, run as the runner runs it)', () => {
  test('the example data passes: outputs, JSON report and job summary', async () => {
    const workspace = checkout();
    const run = await runAction(entry, { cwd: workspace, inputs: {} });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.success, 'true');
    assert.deepEqual(JSON.parse(run.outputs['failed-checks']!), []);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as {
      success: boolean;
      rows: number;
    };
    assert.equal(report.success, true);
    assert.equal(report.rows, 5000);
    assert.match(run.summary, /## ✅ Validation passed/);
    assert.match(run.summary, /<details><summary>\d+ checks passed<\/summary>/);
    assert.equal(run.annotations.filter((a) => a.level === 'error').length, 0);
  });

  test('failing rows in a repository file are annotated at their line, capped, with the rest counted', async () => {
    const rows = ['id,age'];
    for (let i = 1; i <= 30; i++) rows.push(`${i},${i % 2 === 0 ? -i : i}`); // 15 negative ages
    const workspace = checkout({
      'data/people.csv': `${rows.join('\n')}\n`,
      'checks.yml': 'checks:\n  - check: min\n    column: age\n    value: 0\n',
    });
    const run = await runAction(entry, {
      cwd: workspace,
      inputs: { data: 'data/people.csv', checks: 'checks.yml' },
    });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.success, 'false');
    assert.deepEqual(JSON.parse(run.outputs['failed-checks']!), ['min(age)']);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.file === 'data/people.csv');
    assert.equal(errors.length, 10, 'validate.max-annotations defaults to 10');
    assert.deepEqual(
      errors.map((a) => a.line),
      [3, 5, 7, 9, 11, 13, 15, 17, 19, 21],
    );
    assert.match(run.summary, /5 more failing rows were not annotated/);
    assert.match(run.summary, /15 \(50%\)/);
  });

  test('inline checks, fail-on never: the step passes but reports the failure', async () => {
    const workspace = checkout({ 'data.csv': 'id\n1\n1\n' });
    const run = await runAction(entry, {
      cwd: workspace,
      inputs: {
        data: 'data.csv',
        checks: 'checks:\n  - check: unique\n    column: id\n',
        'fail-on': 'never',
      },
    });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.outputs.success, 'false');
    assert.match(run.summary, /❌ Validation failed: 1 error/);
  });

  test('bad input fails the step with one message naming file and line, and no stack trace', async () => {
    const workspace = checkout({ 'data.csv': 'id,age\n1,2\n3,4,5\n' });
    const run = await runAction(entry, {
      cwd: workspace,
      inputs: { data: 'data.csv', checks: 'examples/checks.yml' },
    });
    assert.equal(run.exitCode, 1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /data\.csv:3.*expected 2 fields/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .+:\d+:\d+/);
  });

  test('the action and the CLI report the same results on the same data', async () => {
    const workspace = checkout();
    const action = await runAction(entry, {
      cwd: workspace,
      inputs: { data: 'examples/data/current.csv', checks: 'examples/checks.yml', 'fail-on': 'never' },
    });
    assert.equal(action.exitCode, 0, action.stderr);
    const cli = await runModelship(
      ['validate', '--data', 'examples/data/current.csv', '--checks', 'examples/checks.yml', '--json'],
      workspace,
    );
    const fromAction = JSON.parse(readFileSync(action.outputs.report!, 'utf8')) as {
      success: boolean;
      durationMs: number;
    };
    const fromCli = JSON.parse(cli.stdout) as { success: boolean; durationMs: number };
    assert.equal(
      fromCli.success,
      false,
      'the current data breaks a check, so the comparison covers failures',
    );
    assert.deepEqual(comparable(fromAction), comparable(fromCli));
  });
});

describe('the repository-root action and failures', () => {
  const rootEntry = join(root, 'dist/modelship.js');

  test('without "command": a clear message naming the input and the choices, outputs and summary say so', async () => {
    const run = await runAction(rootEntry, { cwd: checkout(), inputs: {} });
    assert.equal(run.exitCode, 1);
    const message = run.annotations.at(-1)!.message;
    assert.match(message, /inputs\.command.*required.*validate-data, drift-report/);
    assert.doesNotMatch(message, /unexpectedly/);
    assert.equal(run.outputs.error, message);
    assert.match(run.summary, /could not finish/);
  });

  test('with "command": validate-data runs the same entry, and a failure sets its outputs', async () => {
    const workspace = checkout();
    const ok = await runAction(rootEntry, { cwd: workspace, inputs: { command: 'validate-data' } });
    assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
    assert.equal(ok.outputs.success, 'true');
    const bad = await runAction(rootEntry, {
      cwd: workspace,
      inputs: {
        command: 'validate-data',
        data: 'examples/data/train.csv',
        report: 'examples/data/train.csv',
      },
    });
    assert.equal(bad.exitCode, 1);
    assert.equal(bad.outputs.success, 'false');
    assert.equal(bad.outputs['failed-checks'], '[]');
    assert.match(bad.outputs.error!, /would overwrite the input examples\/data\/train\.csv/);
    assert.match(bad.summary, /validate-data could not finish/);
  });
});
