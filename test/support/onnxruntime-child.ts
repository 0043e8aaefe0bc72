import { performance } from 'node:perf_hooks';
import { onnxModelRuntime } from '../../platform/onnx/onnx-model-runtime.js';
import { resolveOnnxruntime, type RuntimeOptions } from '../../platform/onnx/resolve-onnxruntime.js';
import type { PinnedPackage } from '../../platform/onnx/install-npm-packages.js';

// Resolves an ONNX runtime in a process of its own (two copies of onnxruntime's native library in
// one process would share its global state), runs a model on some rows, and prints what happened
// as JSON. argv[2]: the options, with the packages as {name, version, integrity, files|prefixes}.
interface ChildOptions extends Omit<RuntimeOptions, 'log' | 'warn' | 'packages'> {
  model: string;
  rows: number[][];
  packages?: Record<'native' | 'wasm', (Omit<PinnedPackage, 'keep'> & { prefixes: string[] })[]>;
}
const started = performance.now();
const options = JSON.parse(process.argv[2]!) as ChildOptions;
const logs: string[] = [];
const keep = (list: { prefixes: string[] }) => (path: string) =>
  list.prefixes.some((p) => path === p || path.startsWith(p));
const { packages, model: modelPath, rows, ...rest } = options;
const runtime = await resolveOnnxruntime({
  ...rest,
  log: (m) => logs.push(`info: ${m}`),
  warn: (m) => logs.push(`warning: ${m}`),
  ...(packages
    ? {
        packages: {
          native: packages.native.map((p) => ({ ...p, keep: keep(p) })),
          wasm: packages.wasm.map((p) => ({ ...p, keep: keep(p) })),
        },
      }
    : {}),
});
const resolvedMs = performance.now() - started;
const model = await onnxModelRuntime(runtime, { cwd: process.cwd() }).load(modelPath);
const width = rows[0]!.length;
const out = await model.run({
  [model.inputs[0]!.name]: {
    type: 'float32',
    dims: [rows.length, width],
    data: Float32Array.from(rows.flat()),
  },
});
await model.close();
const [name, tensor] = Object.entries(out)[0]!;
process.stdout.write(
  JSON.stringify({
    kind: runtime.kind,
    origin: runtime.origin,
    version: runtime.version,
    logs,
    resolvedMs,
    output: name,
    values: [...(tensor.data as Float32Array)],
  }),
);
