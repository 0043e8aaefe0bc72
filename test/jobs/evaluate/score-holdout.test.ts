import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { MappingOptions } from '../../../core/evaluate/mapping-options.js';
import type { SliceSpec } from '../../../core/evaluate/slice-groups.js';
import { isUserError, UserError } from '../../../core/errors.js';
import { scoreHoldout } from '../../../jobs/evaluate/score-holdout.js';
import { startReaderThreads } from '../../../platform/data/reader-threads.js';
import { thisMachine } from '../../../platform/machine.js';
import { onnxModelRuntime } from '../../../platform/onnx/onnx-model-runtime.js';
import { onnxruntimeFrom } from '../../../platform/onnx/onnxruntime-from-node-modules.js';
import { buildModel, type ModelKind, type ModelSpec } from '../../support/onnx-models.js';

// The holdout read by real reader threads, scored by real ONNX models on onnxruntime-node.
const dir = mkdtempSync(join(tmpdir(), 'modelship-score-'));
const readers = startReaderThreads({ cwd: dir });
after(() => readers.close());
const runtime = onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir });

const W = [0.5, -1, 2];
const B = 0.1;
const binary: ModelSpec = { weights: W.map((w) => [w]), bias: [B] };
const sigmoid = (x: number[]) => 1 / (1 + Math.exp(-(x.reduce((s, v, i) => s + v * W[i]!, 0) + B)));

/** Deterministic rows of three features and a 0/1 label. */
const features = Array.from({ length: 300 }, (_, i) => [
  ((i * 37) % 23) / 7 - 1.5,
  ((i * 11) % 13) / 5 - 1,
  ((i * 7) % 17) / 9 - 0.9,
]);
const labels = features.map((x, i) => (sigmoid(x) > 0.5 ? 1 : 0) ^ (i % 9 === 0 ? 1 : 0));
const csv = (header: string, rows: (string | number)[][]) =>
  `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
writeFileSync(
  join(dir, 'holdout.csv'),
  csv(
    'a,b,c,target',
    features.map((x, i) => [...x, labels[i]!]),
  ),
);

const models = new Map<string, string>();
function model(kind: ModelKind, spec: ModelSpec = binary): string {
  const key = `${kind}:${JSON.stringify(spec)}`;
  if (!models.has(key)) models.set(key, buildModel(kind, spec, mkdtempSync(join(dir, 'm-'))));
  return models.get(key)!;
}

const options = (over: Partial<MappingOptions> & { data?: string; slices?: SliceSpec[] } = {}) => ({
  label: 'target',
  exclude: [],
  missing: 'error' as const,
  data: 'holdout.csv',
  slices: [],
  latencySample: 10,
  ...over,
});

async function score(kind: ModelKind, over: Parameters<typeof options>[0] = {}, spec?: ModelSpec) {
  const loaded = await runtime.load(model(kind, spec));
  try {
    return await scoreHoldout(loaded, readers, options(over), thisMachine);
  } finally {
    await loaded.close();
  }
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  assert.fail('expected a user error');
}

test('a MatMul + Add + Sigmoid model is binary: score = the sigmoid, predicted = score ≥ 0.5', async () => {
  const { predictions, dropped, latencyRows } = await score('sigmoid');
  assert.equal(predictions.task, 'binary');
  if (predictions.task !== 'binary') return;
  assert.deepEqual(predictions.classes, ['0', '1']);
  assert.equal(predictions.score.length, 300);
  features.forEach((x, i) => assert.ok(Math.abs(predictions.score[i]! - sigmoid(x)) < 1e-6, `row ${i}`));
  assert.deepEqual([...predictions.actual], labels);
  assert.deepEqual(
    [...predictions.predicted],
    [...predictions.score].map((p) => (p >= 0.5 ? 1 : 0)),
  );
  assert.equal(dropped, 0);
  assert.equal(latencyRows.length, 10);
  assert.deepEqual(latencyRows[0]!.X!.dims, [1, 3]);
});

test('a LinearClassifier with ZipMap: probabilities from the maps, predicted from the label output; a threshold overrides the label', async () => {
  const plain = await score('classifier');
  const zipped = await score('classifier-zipmap');
  assert.deepEqual(zipped.predictions, plain.predictions);
  assert.equal(zipped.plan.task === 'binary' && zipped.plan.label, 'label');
  const strict = await score('classifier-zipmap', { threshold: 0.9 });
  if (strict.predictions.task !== 'binary') assert.fail();
  assert.deepEqual(
    [...strict.predictions.predicted],
    [...strict.predictions.score].map((p) => (p >= 0.9 ? 1 : 0)),
  );
  // The positive label can be the model's first class: the score becomes that class's probability.
  const flipped = await score('classifier-zipmap', { positiveLabel: '0' });
  if (flipped.predictions.task !== 'binary' || plain.predictions.task !== 'binary') assert.fail();
  assert.deepEqual(flipped.predictions.classes, ['1', '0']);
  flipped.predictions.score.forEach((p, i) =>
    assert.ok(Math.abs(p - (1 - (plain.predictions as { score: Float64Array }).score[i]!)) < 1e-6),
  );
  assert.deepEqual(
    [...flipped.predictions.actual],
    labels.map((l) => 1 - l),
  );
});

test('string labels against a model of integer classes is an error naming the row and the classes', async () => {
  writeFileSync(
    join(dir, 'strings.csv'),
    csv(
      'a,b,c,target',
      features.slice(0, 5).map((x, i) => [...x, i % 2 ? 'yes' : 'no']),
    ),
  );
  const error = await userError(score('classifier-zipmap', { data: 'strings.csv' }));
  assert.equal(error.location.file, 'strings.csv');
  assert.equal(error.location.line, 2);
  assert.equal(error.location.field, 'target');
  assert.match(error.message, /"no" is not one of the model's classes \(0, 1\).*encoded labels/);
  // The same holdout against a model of string classes works.
  const { predictions } = await score(
    'classifier-strings',
    { data: 'strings.csv' },
    { ...binary, classes: ['no', 'yes'] },
  );
  if (predictions.task !== 'binary') assert.fail();
  assert.deepEqual([...predictions.actual], [0, 1, 0, 1, 0]);
});

test('a missing feature value names file, line and column; missing: drop leaves the row out and counts it', async () => {
  const rows: (string | number)[][] = features.slice(0, 6).map((x, i) => [...x, labels[i]!]);
  rows[3]![1] = '';
  rows[4]![3] = 'NA';
  writeFileSync(join(dir, 'gaps.csv'), csv('a,b,c,target', rows));
  const error = await userError(score('sigmoid', { data: 'gaps.csv' }));
  assert.deepEqual(error.location, { file: 'gaps.csv', line: 5, field: 'b' });
  assert.match(error.message, /row 4 has no value in the feature column "b".*missing: drop/);
  const { predictions, dropped } = await score('sigmoid', { data: 'gaps.csv', missing: 'drop' });
  assert.equal(dropped, 2);
  if (predictions.task !== 'binary') assert.fail();
  assert.deepEqual(
    [...predictions.actual],
    [0, 1, 2, 5].map((i) => labels[i]),
  );
  [0, 1, 2, 5].forEach((i, r) => assert.ok(Math.abs(predictions.score[r]! - sigmoid(features[i]!)) < 1e-6));
});

test('columns that do not match the input: the error names the columns and the expected shape', async () => {
  writeFileSync(
    join(dir, 'wide.csv'),
    csv(
      'id,a,b,c,target',
      features.slice(0, 4).map((x, i) => [i, ...x, labels[i]!]),
    ),
  );
  const error = await userError(score('sigmoid', { data: 'wide.csv' }));
  assert.match(
    error.message,
    /input "X" expects \[N, 3\] \(3 features per row\), but the holdout has \(every column but the label, in file order\) 4: "id", "a", "b", "c"/,
  );
  assert.match(error.message, /evaluate\.id-columns/);
  // Naming the id column as such makes it fit.
  const { predictions } = await score('sigmoid', { data: 'wide.csv', exclude: ['id'] });
  assert.equal(predictions.actual.length, 4);
  const named = await userError(score('sigmoid', { data: 'wide.csv', features: ['a', 'b', 'zz'] }));
  assert.match(named.message, /no column "zz" named in features/);
  const perColumn = await userError(
    score('per-column', { data: 'wide.csv', task: 'regression' }, { ...binary, columns: ['a', 'b', 'd'] }),
  );
  assert.match(
    perColumn.message,
    /no column for input "d".*a float32 \[N, 1\], b float32 \[N, 1\], d float32 \[N, 1\]/,
  );
});

test('a missing label column, and a holdout of one row, are errors naming the file', async () => {
  const noLabel = await userError(score('sigmoid', { label: 'outcome' }));
  assert.equal(noLabel.location.file, 'holdout.csv');
  assert.match(noLabel.message, /no label column "outcome"; its columns are "a", "b", "c", "target"/);
  writeFileSync(join(dir, 'one.csv'), csv('a,b,c,target', [[...features[0]!, 1]]));
  const one = await userError(score('sigmoid', { data: 'one.csv' }));
  assert.match(one.message, /has one row to evaluate; metrics need at least two/);
});

test('one input per column, multiclass softmax, regression, JSON Lines', async () => {
  const perColumn = await score(
    'per-column',
    { task: 'regression' },
    { ...binary, columns: ['a', 'b', 'c'] },
  );
  if (perColumn.predictions.task !== 'regression') assert.fail();
  features.forEach((x, i) =>
    assert.ok(Math.abs(perColumn.predictions.predicted[i]! - (x[0]! * 0.5 - x[1]! + 2 * x[2]! + B)) < 1e-5),
  );
  const regression = await score('regressor', {}, binary);
  assert.equal(regression.predictions.task, 'regression');
  const three = {
    weights: [
      [0.5, 1, 0],
      [-1, 0, 1],
      [2, 0, 0],
    ],
    bias: [0.1, 0, 0],
    classes: [0, 1, 2],
  };
  writeFileSync(
    join(dir, 'three.jsonl'),
    features.map((x, i) => JSON.stringify({ a: x[0], b: x[1], c: x[2], target: i % 3 })).join('\n'),
  );
  for (const kind of ['softmax', 'multiclass-zipmap'] as const) {
    const { predictions } = await score(kind, { data: 'three.jsonl' }, three);
    if (predictions.task !== 'multiclass') assert.fail();
    assert.deepEqual(predictions.classes, ['0', '1', '2']);
    assert.equal(predictions.probabilities.length, 900);
    for (let r = 0; r < 300; r++) {
      const row: Float64Array = predictions.probabilities.subarray(r * 3, r * 3 + 3);
      assert.ok(Math.abs(row[0]! + row[1]! + row[2]! - 1) < 1e-6);
      assert.equal(predictions.predicted[r], row.indexOf(Math.max(...row)));
      assert.equal(predictions.actual[r], r % 3);
    }
  }
});

test('slices group the evaluated rows by value or numeric bin', async () => {
  const rows = features
    .slice(0, 8)
    .map((x, i) => [...x, labels[i]!, ['DE', 'FR'][i % 2]!, [5, 20, 70, 130, 18, 65, 0, ''][i]!]);
  writeFileSync(join(dir, 'sliced.csv'), csv('a,b,c,target,country,age', rows));
  const { slices } = await score('sigmoid', {
    data: 'sliced.csv',
    exclude: ['country', 'age'],
    slices: ['country', { column: 'age', bins: [0, 18, 65, 120] }],
  });
  const shown = slices.map((s) => [s.column, s.groups().map((g) => [g.value, [...g.rows]])]);
  assert.deepEqual(shown, [
    [
      'country',
      [
        ['DE', [0, 2, 4, 6]],
        ['FR', [1, 3, 5, 7]],
      ],
    ],
    [
      'age',
      [
        ['[0, 18)', [0, 6]],
        ['[18, 65)', [1, 4]],
        ['[65, 120]', [2, 5]],
        ['(missing)', [7]],
        ['(outside the bins)', [3]],
      ],
    ],
  ]);
});
