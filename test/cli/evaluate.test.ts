import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildModel } from '../support/onnx-models.js';
import { runModelship } from '../support/run-cli-in-process.js';
import { runScipy } from '../support/scipy.js';

// `modelship evaluate` end to end: a real ONNX model (LinearClassifier + ZipMap, as skl2onnx
// converts a LogisticRegression) on onnxruntime-node, a CSV read by the reader threads, and the
// metrics checked against scikit-learn computing the same model's predict_proba itself.
const dir = mkdtempSync(join(tmpdir(), 'modelship-evaluate-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const W = [0.8, -1.2, 0.4, 1.5];
const B = -0.2;
const model = buildModel('classifier-zipmap', { weights: W.map((w) => [w]), bias: [B] }, dir);

// The holdout and scikit-learn's answer, from the same Python run: features rounded to 4 decimals
// (exact in the CSV), labels drawn from the model's own probabilities, so AUC is far from 0.5 and 1.
const reference = runScipy(
  `
from sklearn import metrics
from sklearn.linear_model import LogisticRegression
rng = np.random.default_rng(5)
X = np.round(rng.normal(size=(3000, 4)), 4)
m = LogisticRegression()
m.coef_ = np.array([data['w']]); m.intercept_ = np.array([data['b']]); m.classes_ = np.array([0, 1])
p_true = m.predict_proba(X)[:, 1]
y = (rng.random(3000) < p_true).astype(int)
# What the ONNX model computes: float32 features.
p = m.predict_proba(X.astype(np.float32).astype(np.float64))[:, 1]
pred = m.predict(X.astype(np.float32))
lines = ['a,b,c,d,target'] + [','.join([repr(float(v)) for v in row] + [str(t)]) for row, t in zip(X, y)]
open(data['path'], 'w').write('\\n'.join(lines) + '\\n')
result = dict(
  accuracy=metrics.accuracy_score(y, pred), precision=metrics.precision_score(y, pred),
  recall=metrics.recall_score(y, pred), f1=metrics.f1_score(y, pred), roc_auc=metrics.roc_auc_score(y, p),
  pr_auc=metrics.average_precision_score(y, p), log_loss=metrics.log_loss(y, p), brier=metrics.brier_score_loss(y, p),
  confusion=metrics.confusion_matrix(y, pred).tolist())
`,
  { w: W, b: B, path: join(dir, 'holdout.csv') },
) as Record<string, number> & { confusion: number[][] };

async function evaluateJson(data: string) {
  const run = await runModelship(
    ['evaluate', '--model', model, '--data', data, '--label', 'target', '--json'],
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as { metrics: Record<string, number> };
}

describe('modelship evaluate', () => {
  test('--json: the documented shape, metrics equal to scikit-learn on the same model, latency', async () => {
    const run = await runModelship(
      ['evaluate', '--model', model, '--data', 'holdout.csv', '--label', 'target', '--json'],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      task: string;
      rows: number;
      metrics: Record<string, number>;
      confusion_matrix: { labels: string[]; counts: number[][] };
      latency_ms: { p50: number; p95: number; p99: number };
      slices: unknown[];
    };
    assert.deepEqual(Object.keys(json).slice(0, 6), [
      'task',
      'rows',
      'dropped',
      'metrics',
      'confusion_matrix',
      'latency_ms',
    ]);
    assert.ok('slices' in json);
    assert.equal(json.task, 'binary');
    assert.equal(json.rows, 3000);
    // Thresholded metrics are exact; probability metrics differ only by float32 inference.
    for (const name of ['accuracy', 'precision', 'recall', 'f1'])
      assert.equal(json.metrics[name], reference[name], name);
    for (const name of ['roc_auc', 'pr_auc', 'log_loss', 'brier'])
      assert.ok(
        Math.abs(json.metrics[name]! - reference[name]!) / reference[name]! < 1e-6,
        `${name}: ${json.metrics[name]} vs ${reference[name]}`,
      );
    assert.deepEqual(json.confusion_matrix, { labels: ['0', '1'], counts: reference.confusion });
    const { p50, p95, p99 } = json.latency_ms;
    assert.ok(p50 > 0 && p50 <= p95 && p95 <= p99, JSON.stringify(json.latency_ms));
  });

  test('--output writes the same result; the text report names the metrics and the runtime', async () => {
    const run = await runModelship(
      [
        'evaluate',
        '--model',
        model,
        '--data',
        'holdout.csv',
        '--label',
        'target',
        '--output',
        'metrics.json',
      ],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /binary model .* on holdout\.csv: 3,000 rows/);
    assert.match(run.stdout, /roc_auc +0\.\d+/);
    assert.match(run.stdout, /latency, one row at a time \(200 rows after warm-up\): p50 /);
    assert.match(run.stdout, /onnxruntime-node 1\.30\.0 \(native, node_modules\)/);
    const written = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as {
      metrics: Record<string, number>;
    };
    assert.ok(Math.abs(written.metrics.roc_auc! - reference.roc_auc!) < 1e-6);
  });

  test('the evaluate: section of the configuration: label, id columns and slices', async () => {
    const rows = readFileSync(join(dir, 'holdout.csv'), 'utf8').trim().split('\n').slice(1);
    const sliced = rows.map((line, i) => `${i},${line},${i % 3 === 0 ? 'web' : 'app'}`);
    writeFileSync(join(dir, 'sliced.csv'), `id,a,b,c,d,target,channel\n${sliced.join('\n')}\n`);
    writeFileSync(
      join(dir, 'modelship.yml'),
      'evaluate:\n  label: target\n  id-columns: [id]\n  slices: [channel, { column: id, bins: [0, 1000, 3000] }]\n',
    );
    const run = await runModelship(
      ['evaluate', '--config', 'modelship.yml', '--model', model, '--data', 'sliced.csv', '--json'],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      metrics: Record<string, number>;
      slices: { column: string; value: string; rows: number; metrics: Record<string, number> }[];
    };
    assert.equal(json.metrics.roc_auc, (await evaluateJson('holdout.csv')).metrics.roc_auc);
    assert.deepEqual(
      json.slices.map((s) => [s.column, s.value, s.rows]),
      [
        ['channel', 'app', 2000],
        ['channel', 'web', 1000],
        ['id', '[0, 1000)', 1000],
        ['id', '[1000, 3000]', 2000],
      ],
    );
    assert.ok(json.slices.every((s) => typeof s.metrics.accuracy === 'number'));
  });

  test('bad input exits 2 with one clear line: not ONNX, no label column, one row, a bad flag, output over an input', async () => {
    writeFileSync(join(dir, 'notes.onnx'), 'this is not a model\n');
    writeFileSync(join(dir, 'one.csv'), 'a,b,c,d,target\n1,2,3,4,1\n');
    const cases: [string[], RegExp][] = [
      [
        ['--model', 'notes.onnx', '--data', 'holdout.csv', '--label', 'target'],
        /^modelship evaluate: notes\.onnx: not an ONNX model/,
      ],
      [
        ['--model', model, '--data', 'holdout.csv', '--label', 'y'],
        /holdout\.csv \(y\): has no label column "y"/,
      ],
      [
        ['--model', model, '--data', 'one.csv', '--label', 'target'],
        /one\.csv: has one row to evaluate; metrics need at least two/,
      ],
      [
        ['--model', model, '--data', 'holdout.csv', '--label', 'target', '--task', 'ranking'],
        /--task must be one of binary, multiclass, regression/,
      ],
      [['--model', model, '--data', 'holdout.csv'], /no label given: pass --label/],
      [
        ['--model', model, '--data', 'holdout.csv', '--label', 'target', '--output', 'holdout.csv'],
        /holdout\.csv/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runModelship(['evaluate', ...args], dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /\n {4}at /, 'no stack trace');
    }
    assert.match(
      readFileSync(join(dir, 'holdout.csv'), 'utf8'),
      /^a,b,c,d,target\n/,
      'the input is untouched',
    );
  });
});
