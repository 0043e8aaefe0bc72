import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { onnxModelRuntime } from '../../../platform/onnx/onnx-model-runtime.js';
import { onnxruntimeFrom } from '../../../platform/onnx/onnxruntime-from-node-modules.js';
import { onnxruntimeWebFrom, resolveOnnxruntime } from '../../../platform/onnx/resolve-onnxruntime.js';
import { buildModel } from '../../support/onnx-models.js';
import {
  onnxruntimeTarballs,
  startRegistry,
  type Registry,
  type Tarball,
} from '../../support/onnxruntime-registry.js';

// The runtime an action gets on a runner: onnxruntime-node installed on first use into the tool
// cache from a registry — here a local HTTP server serving real tarballs made from node_modules'
// onnxruntime packages (with two platforms' native files, so that extracting one is visible) —
// and the WebAssembly fallback. Each resolution runs in a child process: one process cannot hold
// two copies of onnxruntime's native library.
const root = resolve(import.meta.dirname, '../../..');
const modules = join(root, 'node_modules');
const dir = mkdtempSync(join(tmpdir(), 'modelship-ort-install-'));
const model = buildModel('sigmoid', { weights: [[0.5], [-1], [2]], bias: [0.1] }, dir);
const rows = [
  [1, 2, 3],
  [0, 0, 0],
  [-1.5, 0.25, 0.75],
];
const exec = promisify(execFile);

let tarballs: Tarball[] = [];
let server: Registry;
let registry: string;

before(async () => {
  tarballs = onnxruntimeTarballs(dir);
  server = await startRegistry(tarballs);
  registry = server.url;
});
after(() => server.close());
const requests = () => server.requests;

function packages(override: Partial<Record<string, string>> = {}) {
  const spec = (name: string) => {
    const t = tarballs.find((x) => x.name === name)!;
    return { name, version: '1.30.0', integrity: override[name] ?? t.integrity, prefixes: t.prefixes };
  };
  return {
    native: [spec('onnxruntime-node'), spec('onnxruntime-common')],
    wasm: [spec('onnxruntime-web'), spec('onnxruntime-common')],
  };
}

interface ChildResult {
  kind: string;
  origin: string;
  version: string;
  logs: string[];
  resolvedMs: number;
  values: number[];
}

/** Resolves in a child process whose module resolution starts outside node_modules, as a bundled action's does. */
async function resolveInChild(toolCache: string, extra: Record<string, unknown> = {}): Promise<ChildResult> {
  const options = {
    platform: 'linux',
    arch: 'x64',
    toolCache,
    registry,
    timeoutMs: 10_000,
    from: join(toolCache, 'bundle', 'evaluate-model.js'),
    packages: packages(),
    model,
    rows,
    ...extra,
  };
  const { stdout } = await exec(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/support/onnxruntime-child.ts'), JSON.stringify(options)],
    {
      cwd: root,
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout) as ChildResult;
}

async function nativePredictions(): Promise<number[]> {
  const runtime = onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir });
  const loaded = await runtime.load(model);
  const out = await loaded.run({
    X: { type: 'float32', dims: [3, 3], data: Float32Array.from(rows.flat()) },
  });
  await loaded.close();
  return [...(out.probability!.data as Float32Array)];
}

test('first use installs onnxruntime-node into the tool cache: one platform, verified, then found again without a download', async () => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const cache = mkdtempSync(join(dir, 'cache-'));
  const first = await resolveInChild(cache);
  const folder = join(cache, 'modelship-onnxruntime', '1.30.0', 'linux-x64');
  assert.equal(first.kind, 'native');
  assert.equal(first.origin, `tool cache ${folder}`);
  assert.deepEqual(first.values, await nativePredictions());
  assert.deepEqual(readdirSync(join(folder, 'node_modules/onnxruntime-node/bin/napi-v6')), ['linux']);
  assert.deepEqual(readdirSync(join(folder, 'node_modules/onnxruntime-node/bin/napi-v6/linux')), ['x64']);
  assert.deepEqual(readdirSync(join(cache, 'modelship-onnxruntime', '1.30.0')), ['linux-x64']);
  assert.ok(first.logs.some((l) => /installed into the tool cache/.test(l)));
  const before = requests().length;
  const second = await resolveInChild(cache);
  assert.equal(requests().length, before, 'no download the second time');
  assert.ok(second.logs.some((l) => /found in the tool cache/.test(l)));
  assert.deepEqual(second.values, first.values);
});

test('concurrent jobs installing the same version: both run, one complete folder, nothing half-installed', async () => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const cache = mkdtempSync(join(dir, 'cache-'));
  const [a, b] = await Promise.all([resolveInChild(cache), resolveInChild(cache)]);
  assert.equal(a.kind, 'native');
  assert.equal(b.kind, 'native');
  assert.deepEqual(readdirSync(join(cache, 'modelship-onnxruntime', '1.30.0')), ['linux-x64']);
});

test('a tarball that does not match its pinned integrity is never installed: the WebAssembly build runs instead', async () => {
  const cache = mkdtempSync(join(dir, 'cache-'));
  const wrong = `sha512-${createHash('sha512').update('not the tarball').digest('base64')}`;
  const result = await resolveInChild(cache, { packages: packages({ 'onnxruntime-node': wrong }) });
  assert.equal(result.kind, 'wasm');
  assert.ok(
    result.logs.some((l) =>
      /^warning: onnxruntime-node could not be installed: .*does not match its pinned integrity.*WebAssembly/.test(
        l,
      ),
    ),
    result.logs.join('\n'),
  );
  assert.ok(!existsSync(join(cache, 'modelship-onnxruntime', '1.30.0', 'linux-x64')));
  assert.deepEqual(
    readdirSync(join(cache, 'modelship-onnxruntime', '1.30.0')),
    ['wasm'],
    'no partial folder left',
  );
  const native = await nativePredictions();
  result.values.forEach((v, i) => assert.ok(Math.abs(v - native[i]!) < 1e-6, `${v} vs ${native[i]}`));
});

test('a registry that stops answering fails the install after the timeout; the WebAssembly build shipped with the action runs', async () => {
  const cache = mkdtempSync(join(dir, 'cache-'));
  // The action's bundle ships onnxruntime-web beside it: dist/onnxruntime-wasm/node_modules/….
  const shipped = join(cache, 'bundle', 'onnxruntime-wasm', 'node_modules');
  mkdirSync(shipped, { recursive: true });
  for (const name of ['onnxruntime-web', 'onnxruntime-common'])
    symlinkSync(join(modules, name), join(shipped, name));
  server.mode = 'stall';
  try {
    const started = Date.now();
    const result = await resolveInChild(cache, { timeoutMs: 400 });
    assert.equal(result.kind, 'wasm');
    assert.equal(result.origin, 'the action');
    assert.ok(
      result.logs.some((l) => /could not be installed: .* nothing received for 0\.4 s.*WebAssembly/.test(l)),
      result.logs.join('\n'),
    );
    assert.ok(Date.now() - started < 20_000);
    assert.deepEqual(
      readdirSync(join(cache, 'modelship-onnxruntime', '1.30.0')),
      [],
      'no partial folder left',
    );
  } finally {
    server.mode = 'serve';
  }
});

const warnings: string[] = [];
test('no native build for the platform (Intel macOS): WebAssembly, said in the log', async () => {
  const runtime = await resolveOnnxruntime({
    platform: 'darwin',
    arch: 'x64',
    registry,
    timeoutMs: 1000,
    log: () => undefined,
    warn: (m) => warnings.push(m),
    from: join(dir, 'elsewhere', 'bundle.js'),
  }).catch((e: Error) => e);
  // Outside node_modules and without a tool cache there is nothing to run on.
  assert.ok(runtime instanceof Error && /no ONNX runtime is available/.test(runtime.message));
  assert.match(warnings[0]!, /no native build for darwin-x64: using onnxruntime-web \(WebAssembly\)/);
  const shipped = await resolveOnnxruntime({
    platform: 'darwin',
    arch: 'x64',
    registry,
    timeoutMs: 1000,
    log: () => undefined,
    warn: () => undefined,
    from: import.meta.url,
    prefer: 'wasm',
  });
  assert.equal(shipped.kind, 'wasm');
});

test('onnxruntime-web (WebAssembly) gives the same predictions as the native runtime', async () => {
  const web = onnxruntimeWebFrom(import.meta.url, 'node_modules')!;
  const runtime = onnxModelRuntime(web, { cwd: dir });
  for (const kind of ['sigmoid', 'classifier-zipmap', 'softmax'] as const) {
    const spec =
      kind === 'softmax'
        ? {
            weights: [
              [0.5, 1, 0],
              [-1, 0, 1],
              [2, 0, 0],
            ],
            bias: [0.1, 0, 0],
          }
        : { weights: [[0.5], [-1], [2]], bias: [0.1] };
    const path = buildModel(kind, spec, mkdtempSync(join(dir, 'w-')));
    const native = onnxModelRuntime(onnxruntimeFrom(import.meta.url, 'node_modules')!, { cwd: dir });
    const [a, b] = [await runtime.load(path), await native.load(path)];
    const feeds = { X: { type: 'float32' as const, dims: [3, 3], data: Float32Array.from(rows.flat()) } };
    const [x, y] = [await a.run(feeds), await b.run(feeds)];
    for (const name of Object.keys(y)) {
      const [p, q] = [x[name]!.data as ArrayLike<unknown>, y[name]!.data as ArrayLike<unknown>];
      assert.equal(p.length, q.length);
      for (let i = 0; i < q.length; i++)
        if (typeof q[i] === 'number')
          assert.ok(Math.abs((p[i] as number) - (q[i] as number)) < 1e-6, `${kind} ${name}[${i}]`);
        else assert.equal(p[i], q[i]);
    }
    await Promise.all([a.close(), b.close()]);
  }
});
