import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { computeMetrics } from '../../../core/metrics/compute-metrics.js';
import { selectRows } from '../../../core/metrics/select-rows.js';
import type { EvaluatePorts } from '../../../jobs/evaluate/evaluate-ports.js';
import type { EvaluateSettings } from '../../../jobs/evaluate/evaluate-settings.js';
import { runEvaluate } from '../../../jobs/evaluate/run-evaluate.js';
import { startReaderThreads } from '../../../platform/data/reader-threads.js';
import { onnxModelRuntime } from '../../../platform/onnx/onnx-model-runtime.js';
import { onnxruntimeFrom } from '../../../platform/onnx/onnxruntime-from-node-modules.js';
import { buildModel } from '../../support/onnx-models.js';

// The job through plain-object ports (a ticking clock, a CPU, a report writer that records), with
// the real runtime and reader threads: slices, fairness, latency, and the result file.
const dir = mkdtempSync(join(tmpdir(), 'modelship-run-evaluate-'));
const readers = startReaderThreads({ cwd: dir });
after(() => readers.close());
const model = buildModel('sigmoid', { weights: [[1], [-1]], bias: [0] }, dir);
const rows = Array.from({ length: 40 }, (_, i) => {
  const a = ((i * 7) % 11) / 5 - 1;
  const b = ((i * 3) % 7) / 4 - 0.7;
  const label = (a - b > 0 ? 1 : 0) ^ (i % 5 === 0 ? 1 : 0);
  return [String(i), a, b, ['north', 'south'][i % 2]!, i % 3 === 0 ? 'x' : 'y', 20 + i, label];
});
writeFileSync(
  join(dir, 'holdout.csv'),
  `id,a,b,region,group,age,target\n${rows.map((r) => r.join(',')).join('\n')}\n`,
);

let tick = 0;
const writes: [string, string][] = [];
const checks: [string, readonly string[]][] = [];
const ports: EvaluatePorts = {
  datasets: readers,
  models: onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir }),
  // Each reading of the clock is 0.25 ms later: single-row latencies are exactly 0.25 ms.
  machine: { cpu: () => ({ model: 'Test CPU', threads: 3 }), now: () => (tick += 0.25) },
  reports: {
    check: async (path, inputs) => void checks.push([path, inputs]),
    write: async (path, content) => (writes.push([path, content]), `/abs/${path}`),
  },
};
const settings: EvaluateSettings = {
  model,
  data: 'holdout.csv',
  label: 'target',
  idColumns: ['id'],
  slices: ['region', { column: 'age', bins: [0, 30, 100] }],
  sensitive: 'group',
  missing: 'error',
  latencySample: 25,
  output: 'metrics.json',
};

test("every metric overall and per slice (equal to the metrics of the slice's rows), fairness, latency, the result file", async () => {
  const { result, predictions, outputPath } = await runEvaluate(settings, ports);
  assert.equal(result.task, 'binary');
  assert.equal(result.rows, 40);
  assert.deepEqual(result.metrics, computeMetrics(predictions).metrics);
  assert.deepEqual(
    result.slices.map((s) => [s.column, s.value, s.rows]),
    [
      ['region', 'north', 20],
      ['region', 'south', 20],
      ['age', '[0, 30)', 10],
      ['age', '[30, 100]', 30],
    ],
  );
  const north = Int32Array.from({ length: 20 }, (_, i) => i * 2);
  assert.deepEqual(result.slices[0]!.metrics, computeMetrics(selectRows(predictions, north)).metrics);
  assert.equal(result.fairness?.column, 'group');
  assert.deepEqual(
    result.fairness?.groups.map((g) => [g.group, g.rows]),
    [
      ['x', 14],
      ['y', 26],
    ],
  );
  assert.deepEqual(
    [result.latency.p50, result.latency.p95, result.latency.p99, result.latency.sample],
    [0.25, 0.25, 0.25, 25],
  );
  assert.deepEqual(result.latency.cpu, { model: 'Test CPU', threads: 3 });
  assert.match(result.latency.runtime, /^onnxruntime-node 1\.30\.0 \(native, node_modules\)$/);
  assert.deepEqual(checks, [['metrics.json', [model, 'holdout.csv']]]);
  assert.equal(outputPath, '/abs/metrics.json');
  const written = JSON.parse(writes[0]![1]) as {
    slices: { column: string; value: string; rows: number }[];
    fairness: object;
  };
  assert.equal(written.slices.length, 4);
  assert.ok('demographic_parity_difference' in written.fairness);
});

test('fairness needs a binary model: a regression with a sensitive column is a configuration error', async () => {
  const error = await runEvaluate({ ...settings, task: 'regression', output: undefined }, ports).catch(
    (e: unknown) => e,
  );
  assert.ok(isUserError(error), String(error));
  assert.match(error.message, /need a binary model; this one is regression/);
});
