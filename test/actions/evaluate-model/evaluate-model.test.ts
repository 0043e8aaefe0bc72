import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { installNpmPackages } from '../../../platform/onnx/install-npm-packages.js';
import { runAction } from '../../support/action-harness.js';
import { buildModel } from '../../support/onnx-models.js';
import {
  onnxruntimeTarballs,
  startRegistry,
  type Registry,
  type Tarball,
} from '../../support/onnxruntime-registry.js';
import { runModelship } from '../../support/run-cli-in-process.js';

// The bundled action run as a runner runs it: its dist/ copied outside the repository (a runner's
// checkout of the action has no node_modules), the ONNX runtime from the runner's tool cache, or —
// when the registry refuses — the WebAssembly build shipped beside the bundle.
const root = join(import.meta.dirname, '../../..');
const dist = join(root, 'dist');
const dir = mkdtempSync(join(tmpdir(), 'modelship-evaluate-action-'));
const action = join(dir, 'action');
const workspace = join(dir, 'workspace');
let registry: Registry;
let tarballs: Tarball[];

before(async () => {
  cpSync(dist, join(action, 'dist'), { recursive: true });
  // The build ships onnxruntime-web beside the bundle (dist/onnxruntime-wasm); stand in for it when absent.
  const shipped = join(action, 'dist', 'onnxruntime-wasm', 'node_modules');
  if (!existsSync(shipped)) {
    mkdirSync(shipped, { recursive: true });
    for (const name of ['onnxruntime-web', 'onnxruntime-common'])
      symlinkSync(join(root, 'node_modules', name), join(shipped, name));
  }
  mkdirSync(workspace);
  buildModel('classifier-zipmap', { weights: [[0.8], [-1.2]], bias: [0.1] }, workspace);
  const rows = Array.from({ length: 500 }, (_, i) => {
    // Distinct scores: native and WebAssembly exp() may differ in the last bit, which would break
    // ties between equal scores differently and move tie-sensitive metrics (average precision).
    const a = Number((2 * Math.sin(i * 1.3)).toFixed(6));
    const b = Number((1.5 * Math.cos(i * 0.7 + 0.2)).toFixed(6));
    return `${a},${b},${(0.8 * a - 1.2 * b > 0 ? 1 : 0) ^ (i % 7 === 0 ? 1 : 0)}`;
  });
  writeFileSync(join(workspace, 'holdout.csv'), `a,b,target\n${rows.join('\n')}\n`);
  tarballs = onnxruntimeTarballs(dir);
  registry = await startRegistry(tarballs);
});
after(() => registry.close());

const inputs = { model: 'classifier-zipmap.onnx', data: 'holdout.csv', label: 'target' };
const run = (toolCache: string) =>
  runAction(join(action, 'dist', 'evaluate-model.js'), {
    inputs,
    cwd: workspace,
    env: { RUNNER_TOOL_CACHE: toolCache, MODELSHIP_NPM_REGISTRY: registry.url },
    timeoutMs: 120_000,
  });

async function cliMetrics(): Promise<Record<string, number>> {
  const cli = await runModelship(
    ['evaluate', '--model', inputs.model, '--data', inputs.data, '--label', 'target', '--json'],
    workspace,
  );
  assert.equal(cli.code, 0, cli.stderr);
  return (JSON.parse(cli.stdout) as { metrics: Record<string, number> }).metrics;
}

describe('evaluate-model action (bundled dist entry, outside node_modules)', () => {
  test('onnxruntime-node from the tool cache: the same metrics as the CLI, a metrics file, the summary', async () => {
    const cache = mkdtempSync(join(dir, 'cache-'));
    // What an earlier step on this runner installed (the tests' tarballs carry their own integrity).
    const keep = (t: Tarball) => (path: string) => t.prefixes.some((p) => path === p || path.startsWith(p));
    await installNpmPackages(
      join(cache, 'modelship-onnxruntime', '1.30.0', `${process.platform}-${process.arch}`),
      tarballs
        .filter((t) => t.name !== 'onnxruntime-web')
        .map((t) => ({ name: t.name, version: '1.30.0', integrity: t.integrity, keep: keep(t) })),
      { registry: registry.url, timeoutMs: 10_000, log: () => undefined },
    );
    const started = Date.now();
    const result = await run(cache);
    const elapsed = Date.now() - started;
    assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(
      result.outputs.runtime!,
      /^onnxruntime-node 1\.30\.0 \(native, tool cache .*modelship-onnxruntime\/1\.30\.0\/linux-x64\)$/,
    );
    assert.match(result.logs, /onnxruntime-node 1\.30\.0 found in the tool cache/);
    assert.deepEqual(JSON.parse(result.outputs.metrics!), await cliMetrics());
    assert.equal(result.outputs.task, 'binary');
    assert.equal(result.outputs.rows, '500');
    const file = JSON.parse(readFileSync(result.outputs['metrics-file']!, 'utf8')) as { metrics: object };
    assert.deepEqual(file.metrics, JSON.parse(result.outputs.metrics!));
    assert.match(result.summary, /### Model evaluation: `classifier-zipmap\.onnx` on `holdout\.csv`/);
    assert.match(result.summary, /\| roc_auc \| 0\.\d+ \|/);
    console.log(`evaluate-model action, runtime in the tool cache, 500 rows: ${elapsed} ms`);
  });

  test('a registry that refuses: a warning, then the WebAssembly build shipped with the action, the same metrics', async () => {
    registry.mode = 'refuse';
    try {
      const started = Date.now();
      const result = await run(mkdtempSync(join(dir, 'cache-')));
      console.log(
        `evaluate-model action, WebAssembly after a refused install, 500 rows: ${Date.now() - started} ms`,
      );
      assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
      assert.ok(
        result.annotations.some(
          (a) => a.level === 'warning' && /could not be installed: .*HTTP 503.*WebAssembly/.test(a.message),
        ),
        JSON.stringify(result.annotations),
      );
      assert.match(result.outputs.runtime!, /^onnxruntime-web 1\.30\.0 \(WebAssembly, the action\)$/);
      const native = await cliMetrics();
      const wasm = JSON.parse(result.outputs.metrics!) as Record<string, number>;
      for (const [name, value] of Object.entries(native))
        assert.ok(
          Math.abs(wasm[name]! - value) <= 1e-6 * Math.abs(value),
          `${name}: ${wasm[name]} vs ${value}`,
        );
    } finally {
      registry.mode = 'serve';
    }
  });

  test('a model that is not ONNX fails the step with one clear message and the failure outputs', async () => {
    writeFileSync(join(workspace, 'broken.onnx'), 'not a model');
    const result = await runAction(join(action, 'dist', 'evaluate-model.js'), {
      inputs: { ...inputs, model: 'broken.onnx' },
      cwd: workspace,
      env: { RUNNER_TOOL_CACHE: mkdtempSync(join(dir, 'cache-')), MODELSHIP_ONNXRUNTIME: 'wasm' },
    });
    assert.equal(result.exitCode, 1);
    assert.match(result.outputs.error!, /^broken\.onnx: not an ONNX model/);
    assert.equal(result.outputs.metrics, '{}');
  });
});
