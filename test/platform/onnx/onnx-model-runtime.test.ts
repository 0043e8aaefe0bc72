import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import type { Tensor } from '../../../jobs/ports/model-runtime.js';
import { onnxModelRuntime } from '../../../platform/onnx/onnx-model-runtime.js';
import { onnxruntimeFrom } from '../../../platform/onnx/onnxruntime-from-node-modules.js';
import { buildModel } from '../../support/onnx-models.js';

const native = onnxruntimeFrom(import.meta.url, 'node_modules');
const dir = mkdtempSync(join(tmpdir(), 'modelship-onnx-runtime-'));
const binary = { weights: [[0.5], [-1], [2]], bias: [0.1] };
const rows: Tensor = { type: 'float32', dims: [2, 3], data: Float32Array.from([1, 2, 3, 0, 0, 0]) };

test('onnxruntime-node resolves from node_modules', () => {
  assert.ok(native, 'onnxruntime-node is installed');
  assert.equal(native.version, '1.30.0');
});

test('a ZipMap output (sequence of maps) arrives as the probability tensor it was built from', async () => {
  const runtime = onnxModelRuntime(native!, { cwd: dir });
  const plain = await runtime.load(buildModel('classifier', binary, mkdtempSync(join(dir, 'a-'))));
  const zipPath = buildModel('classifier-zipmap', binary, mkdtempSync(join(dir, 'b-')));
  const zipped = await runtime.load(zipPath);
  // onnxruntime-node refuses the untouched file's output: the rewrite is what makes it runnable.
  const ort = native!.api;
  const raw = await ort.InferenceSession.create(readFileSync(zipPath));
  await assert.rejects(raw.run({ X: new ort.Tensor('float32', rows.data, rows.dims) }), /Non tensor type/);
  const probability = zipped.outputs.find((o) => o.convention === 'probability-map');
  assert.deepEqual(probability, {
    name: 'probability_tensor',
    type: 'float32',
    shape: [null, 2],
    classes: ['0', '1'],
    convention: 'probability-map',
    producer: 'Normalizer',
  });
  const a = await plain.run({ X: rows });
  const b = await zipped.run({ X: rows });
  assert.deepEqual(b.probability_tensor, a.probability_tensor);
  assert.deepEqual(b.label, a.label);
  // p = sigmoid(x·w + b) for the positive class, [1 − p, p] per row.
  const p = 1 / (1 + Math.exp(-(0.5 - 2 + 6 + 0.1)));
  const data = a.probability_tensor!.data as Float32Array;
  assert.ok(Math.abs(data[1]! - p) < 1e-6 && Math.abs(data[0]! - (1 - p)) < 1e-6);
  await Promise.all([plain.close(), zipped.close()]);
});

test('inputs, outputs, producers and class labels are read from the model', async () => {
  const runtime = onnxModelRuntime(native!, { cwd: dir });
  const model = await runtime.load(
    buildModel(
      'per-column',
      { ...binary, columns: ['age', 'income', 'score'] },
      mkdtempSync(join(dir, 'c-')),
    ),
  );
  assert.deepEqual(
    model.inputs.map((i) => [i.name, i.type, i.shape]),
    [
      ['age', 'float32', [null, 1]],
      ['income', 'float32', [null, 1]],
      ['score', 'float32', [null, 1]],
    ],
  );
  assert.deepEqual(model.outputs, [
    { name: 'prediction', type: 'float32', shape: [null, 1], producer: 'Add' },
  ]);
  const strings = await runtime.load(
    buildModel('classifier-strings', { ...binary, classes: ['no', 'yes'] }, mkdtempSync(join(dir, 'd-'))),
  );
  assert.deepEqual(
    strings.outputs.map((o) => o.classes),
    [
      ['no', 'yes'],
      ['no', 'yes'],
    ],
  );
  const out = await strings.run({ X: rows });
  assert.deepEqual(out.label!.data, ['yes', 'yes']);
});

test('a file that is not ONNX, or is cut short, is a user error naming the file', async () => {
  const runtime = onnxModelRuntime(native!, { cwd: dir });
  const good = readFileSync(buildModel('sigmoid', binary, mkdtempSync(join(dir, 'e-'))));
  const cases: [string, Uint8Array | string][] = [
    ['truncated.onnx', good.subarray(0, Math.floor(good.length * 0.6))],
    ['holdout.onnx', 'a,b,label\n1,2,0\n3,4,1\n'],
    ['empty.onnx', new Uint8Array()],
  ];
  for (const [name, content] of cases) {
    writeFileSync(join(dir, name), content);
    await assert.rejects(runtime.load(name), (error) => {
      assert.ok(isUserError(error), `${name}: ${String(error)}`);
      assert.equal(error.location.file, name);
      return true;
    });
  }
  await assert.rejects(runtime.load('missing.onnx'), (e) => isUserError(e) && e.kind === 'not-found');
});
