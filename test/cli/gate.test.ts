import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runModelship } from '../support/run-cli-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-gate-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = (text: string) => writeFileSync(join(dir, '.github/modelship.yml'), text);
const RULES = `gate:
  metrics:
    roc_auc:
      threshold: 0.9
      min_absolute_change: 0.005
    log_loss:
      threshold: 0.3
`;

before(() => {
  mkdirSync(join(dir, '.github'));
  config(RULES);
  const metrics = (m: object) => JSON.stringify({ task: 'binary', rows: 2000, metrics: m });
  writeFileSync(join(dir, 'cand.json'), metrics({ accuracy: 0.91, roc_auc: 0.93, log_loss: 0.25 }));
  writeFileSync(join(dir, 'prod.json'), metrics({ accuracy: 0.9, roc_auc: 0.92, log_loss: 0.24 }));
  writeFileSync(join(dir, 'worse.json'), metrics({ roc_auc: 0.88, log_loss: 0.31 }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ task: 'binary', rows: 10, metric: {} }));
});

describe('modelship gate', () => {
  test('a passing gate: exit 0 and a table', async () => {
    const run = await runModelship(['gate', '--candidate', 'cand.json', '--baseline', 'prod.json'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^✓ Gate passed: model meets all 2 rules\n/);
    assert.match(run.stdout, /roc_auc\s+0\.93\s+0\.92\s+\+0\.01\s+≥ 0\.9; ≥ prod \+ 0\.005\s+pass/);
  });

  test('a failing gate: exit 1, every failure listed; --json and --report agree', async () => {
    const run = await runModelship(
      ['gate', '--candidate', 'worse.json', '--baseline', 'prod.json', '--json', '--report', 'out/gate.json'],
      dir,
    );
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.passed, false);
    assert.deepEqual(json.failures, [
      'roc_auc = 0.88 is below the threshold 0.9',
      "roc_auc = 0.88 does not exceed production's 0.92 by the minimum absolute change 0.005: it needs ≥ 0.925",
      'log_loss = 0.31 is above the threshold 0.3',
    ]);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'out/gate.json'), 'utf8')), json);
    const text = await runModelship(['gate', '--candidate', 'worse.json', '--baseline', 'prod.json'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /Why it failed:\n {2}- roc_auc = 0\.88 is below the threshold 0\.9\n/);
  });

  test('a baseline of the wrong shape: exit 2 naming the file and the field', async () => {
    const run = await runModelship(['gate', '--candidate', 'cand.json', '--baseline', 'bad.json'], dir);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^modelship gate: bad\.json \(metrics\): not a metrics file of `modelship evaluate --output`: metrics: is missing/,
    );
  });

  test('a change rule without --baseline: exit 2 saying which rule', async () => {
    const run = await runModelship(['gate', '--candidate', 'cand.json'], dir);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /gate\.metrics\.roc_auc compares the candidate with production \(min_absolute_change\): pass production's metrics with --baseline/,
    );
  });

  test('an unknown metric in the config: exit 2 at its line, with the nearest name', async () => {
    config('gate:\n  metrics:\n    roc_auc: { threshold: 0.9 }\n    logloss: { threshold: 0.3 }\n');
    try {
      const run = await runModelship(['gate', '--candidate', 'cand.json'], dir);
      assert.equal(run.code, 2);
      assert.match(
        run.stderr,
        /\.github\/modelship\.yml:4 \(gate\.metrics\.logloss\): 1 problem in the configuration/,
      );
      assert.match(run.stderr, /unknown metric "logloss" \(did you mean "log_loss"\?\)/);
    } finally {
      config(RULES);
    }
  });

  test('the report is never written over an input', async () => {
    const before = readFileSync(join(dir, 'prod.json'), 'utf8');
    const run = await runModelship(
      ['gate', '--candidate', 'cand.json', '--baseline', 'prod.json', '--report', 'prod.json'],
      dir,
    );
    assert.equal(run.code, 2);
    assert.equal(readFileSync(join(dir, 'prod.json'), 'utf8'), before);
  });
});
