import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildModel } from '../support/onnx-models.js';
import { runModelship } from '../support/run-cli-in-process.js';

// `modelship gate --model … --baseline-model … --data … --label …`: both models evaluated on the
// same holdout by the evaluate job, the rules judged, significance from the paired bootstrap.
const dir = mkdtempSync(join(tmpdir(), 'modelship-gate-models-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const candidate = buildModel('sigmoid', { weights: [[1], [-1]], bias: [0] }, dir);
const production = buildModel('classifier', { weights: [[0.2], [-0.3]], bias: [0.4] }, dir);
const rows = Array.from({ length: 2000 }, (_, i) => {
  const a = Number(Math.sin(i * 1.1).toFixed(5));
  const b = Number(Math.cos(i * 0.37).toFixed(5));
  return `${a},${b},${(a - b > 0 ? 1 : 0) ^ (i % 6 === 0 ? 1 : 0)}`;
});
writeFileSync(join(dir, 'holdout.csv'), `a,b,target\n${rows.join('\n')}\n`);
writeFileSync(
  join(dir, 'modelship.yml'),
  'evaluate:\n  label: target\ngate:\n  metrics:\n    roc_auc:\n      threshold: 0.6\n      significance: improvement\n',
);

describe('modelship gate on models', () => {
  test('the candidate evaluated against production on the same rows: exit 0, the interval in the JSON', async () => {
    const args = [
      'gate',
      '--config',
      'modelship.yml',
      '--model',
      candidate,
      '--baseline-model',
      production,
      '--data',
      'holdout.csv',
      '--json',
    ];
    const run = await runModelship(args, dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /"passed": true/);
    assert.match(run.stdout, /"roc_auc"/);
  });

  test('production against itself is no significant improvement: exit 1', async () => {
    const args = [
      'gate',
      '--config',
      'modelship.yml',
      '--model',
      production,
      '--baseline-model',
      production,
      '--data',
      'holdout.csv',
    ];
    const run = await runModelship(args, dir);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /the improvement of roc_auc is not significant at 95%: .*interval \[0, 0\]/);
  });
});
