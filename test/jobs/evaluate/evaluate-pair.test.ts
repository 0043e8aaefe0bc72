import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import type { DifferenceInterval } from '../../../core/metrics/metric-value.js';
import { pairEvaluator } from '../../../jobs/evaluate/evaluate-pair.js';
import { startBootstrapThreads } from '../../../platform/bootstrap/bootstrap-threads.js';
import { startReaderThreads } from '../../../platform/data/reader-threads.js';
import { thisMachine } from '../../../platform/machine.js';
import { onnxModelRuntime } from '../../../platform/onnx/onnx-model-runtime.js';
import { onnxruntimeFrom } from '../../../platform/onnx/onnxruntime-from-node-modules.js';
import { buildModel } from '../../support/onnx-models.js';

// The gate's evaluator: both models on the same holdout, and the paired bootstrap over its rows.
const dir = mkdtempSync(join(tmpdir(), 'modelship-pair-'));
const readers = startReaderThreads({ cwd: dir });
after(() => readers.close());
const candidate = buildModel('sigmoid', { weights: [[1], [-1]], bias: [0] }, mkdtempSync(join(dir, 'c-')));
const production = buildModel(
  'sigmoid',
  { weights: [[0.3], [-1.4]], bias: [0.2] },
  mkdtempSync(join(dir, 'p-')),
);
const other = buildModel(
  'softmax',
  {
    weights: [
      [1, 0, 0],
      [0, 1, 0],
    ],
    bias: [0, 0, 0],
  },
  mkdtempSync(join(dir, 'o-')),
);
const rows = Array.from({ length: 400 }, (_, i) => {
  const a = Number(Math.sin(i * 1.1).toFixed(5));
  const b = Number(Math.cos(i * 0.37).toFixed(5));
  return `${a},${b},${(a - b > 0 ? 1 : 0) ^ (i % 6 === 0 ? 1 : 0)}`;
});
writeFileSync(join(dir, 'holdout.csv'), `a,b,target\n${rows.join('\n')}\n`);
const evaluator = pairEvaluator(
  { label: 'target' },
  {
    datasets: readers,
    models: onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir }),
    machine: thisMachine,
    reports: { check: async () => undefined, write: async (p) => p },
  },
  '.github/modelship.yml',
);
const request = {
  model: candidate,
  baselineModel: production,
  data: 'holdout.csv',
  intervals: [{ confidence: 0.95, metrics: ['roc_auc' as const, 'accuracy' as const] }],
  resamples: 300,
  seed: 1,
};

test("both models on the same rows: each one's metrics, and candidate − production with its interval", async () => {
  const pair = await evaluator.evaluatePair(request);
  assert.equal(pair.candidate.rows, 400);
  assert.equal(pair.baseline?.rows, 400);
  for (const metric of ['roc_auc', 'accuracy'] as const) {
    const interval = pair.intervals[metric] as DifferenceInterval;
    const difference =
      (pair.candidate.metrics[metric] as number) - (pair.baseline!.metrics[metric] as number);
    assert.ok(Math.abs(interval.difference - difference) < 1e-12, metric);
    assert.ok(
      interval.low <= interval.difference && interval.difference <= interval.high,
      JSON.stringify(interval),
    );
    assert.equal(interval.confidence, 0.95);
  }
  assert.deepEqual(Object.keys(pair.intervals).sort(), ['accuracy', 'roc_auc']);
  assert.deepEqual(pair.inputs, [candidate, production, 'holdout.csv']);
  // A model against itself: exactly no difference.
  const same = await evaluator.evaluatePair({ ...request, baselineModel: candidate });
  assert.deepEqual(
    [(same.intervals.roc_auc as DifferenceInterval).low, (same.intervals.roc_auc as DifferenceInterval).high],
    [0, 0],
  );
});

test('models of different tasks cannot be compared row by row', async () => {
  const error = await evaluator.evaluatePair({ ...request, baselineModel: other }).catch((e: unknown) => e);
  assert.ok(isUserError(error), String(error));
  assert.match(error.message, /the candidate is a binary model and production a multiclass one/);
});

test("the resamples on worker threads give the same intervals as on this thread, each at its rules' confidence", async () => {
  const threads = startBootstrapThreads(2);
  try {
    const threaded = pairEvaluator(
      { label: 'target' },
      {
        datasets: readers,
        models: onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir }),
        machine: thisMachine,
        reports: { check: async () => undefined, write: async (p) => p },
        resampler: threads,
      },
      '.github/modelship.yml',
    );
    const groups = {
      ...request,
      intervals: [
        { confidence: 0.95, metrics: ['roc_auc' as const, 'log_loss' as const] },
        { confidence: 0.8, metrics: ['accuracy' as const] },
      ],
    };
    const [here, there] = await Promise.all([evaluator.evaluatePair(groups), threaded.evaluatePair(groups)]);
    assert.deepEqual(there.intervals, here.intervals);
    assert.equal((there.intervals.roc_auc as DifferenceInterval).confidence, 0.95);
    assert.equal((there.intervals.log_loss as DifferenceInterval).confidence, 0.95);
    const accuracy = there.intervals.accuracy as DifferenceInterval;
    assert.equal(accuracy.confidence, 0.8);
    // One set of resamples for both confidences: the 80% interval of accuracy lies inside its 95% one.
    const wide = (await threaded.evaluatePair(request)).intervals.accuracy as DifferenceInterval;
    assert.ok(wide.low <= accuracy.low && accuracy.high <= wide.high, JSON.stringify([wide, accuracy]));
  } finally {
    await threads.close();
  }
});
