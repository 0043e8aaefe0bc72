// Benchmark of `modelship evaluate` against the Python an ML engineer writes by hand (Debian's
// python3-pandas and python3-sklearn): read the holdout, predict_proba, every binary metric.
//   npx tsx bench/evaluate.ts [--rows 1000000] [--runs 5] [--cli <bundle dir>]
// Target (issue #12): 1M rows × 20 float features, binary label, a logistic-regression ONNX model:
// at most half of Python's wall time and at most half of its peak RSS, measured alternately.
// The CLI is bundled into bench/out/dist-evaluate (inside the repository, so onnxruntime-node
// resolves from node_modules as for an installed CLI); dist/ is left alone.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildModel } from '../test/support/onnx-models.js';
import { measure, median } from './measure.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'bench/out');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    cli: { type: 'string' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const FEATURES = 20;
mkdirSync(out, { recursive: true });

/** Deterministic normal variates (mulberry32 + Box-Muller). */
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const random = normals(12);
const trueWeights = Array.from({ length: FEATURES }, () => random() * 0.6);
// The model is fitted on other data: its weights are near the true ones, not equal.
const weights = trueWeights.map((w) => Number((w + random() * 0.1).toFixed(6)));
const bias = -0.3;

async function generate(): Promise<string> {
  const file = join(out, `evaluate-${rows}.csv`);
  if (existsSync(file)) return file;
  const stream = createWriteStream(`${file}.partial`);
  const header = [...Array.from({ length: FEATURES }, (_, i) => `x${i}`), 'label'].join(',');
  stream.write(`${header}\n`);
  const draw = normals(7);
  let chunk = '';
  for (let r = 0; r < rows; r++) {
    let z = bias;
    const cells: string[] = [];
    for (let f = 0; f < FEATURES; f++) {
      const x = Number(draw().toFixed(5));
      z += x * trueWeights[f]!;
      cells.push(String(x));
    }
    const p = 1 / (1 + Math.exp(-z));
    cells.push((draw() + 3) / 6 < p ? '1' : '0');
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', () => done()));
      chunk = '';
    }
  }
  stream.write(chunk);
  await new Promise<void>((done) => stream.end(done));
  spawnSync('mv', [`${file}.partial`, file]);
  return file;
}

function bundleCli(): string {
  if (values.cli) return values.cli;
  const dir = join(out, 'dist-evaluate');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), dir], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  return dir;
}

const data = await generate();
const spec = { weights: weights.map((w) => [w]), bias: [bias] };
const model = buildModel('sigmoid', spec, out);
const weightsFile = join(out, 'evaluate-weights.json');
writeFileSync(weightsFile, JSON.stringify({ weights, bias: [bias] }));
const cli = join(bundleCli(), 'cli.js');
const resultFile = join(out, 'evaluate-result.json');

// Both must agree before their times mean anything.
const ours = spawnSync(
  process.execPath,
  [cli, 'evaluate', '--model', model, '--data', data, '--label', 'label', '--json'],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  },
);
if (ours.status !== 0) throw new Error(`modelship evaluate failed: ${ours.stderr}`);
const python = spawnSync(
  '/usr/bin/python3',
  [join(root, 'bench/evaluate_sklearn.py'), data, weightsFile, 'label'],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  },
);
if (python.status !== 0) throw new Error(`the Python baseline failed: ${python.stderr}`);
const a = JSON.parse(ours.stdout) as {
  metrics: Record<string, number>;
  confusion_matrix: unknown;
  latency_ms: unknown;
};
const b = JSON.parse(python.stdout) as { metrics: Record<string, number>; confusion_matrix: number[][] };
for (const [name, value] of Object.entries(b.metrics)) {
  const diff = Math.abs(a.metrics[name]! - value) / Math.max(Math.abs(value), 1e-300);
  console.log(
    `${name.padEnd(10)} modelship ${String(a.metrics[name]).padEnd(22)} python ${String(value).padEnd(22)} rel. diff ${diff.toExponential(1)}`,
  );
}
console.log(
  'confusion matrix',
  JSON.stringify(a.confusion_matrix),
  'python',
  JSON.stringify(b.confusion_matrix),
);
console.log('latency', JSON.stringify(a.latency_ms));

const times = { modelship: [] as number[], python: [] as number[] };
const rss = { modelship: [] as number[], python: [] as number[] };
for (let i = 0; i < runs; i++) {
  const m = measure(process.execPath, [
    cli,
    'evaluate',
    '--model',
    model,
    '--data',
    data,
    '--label',
    'label',
    '--output',
    resultFile,
  ]);
  const p = measure('/usr/bin/python3', [
    join(root, 'bench/evaluate_sklearn.py'),
    data,
    weightsFile,
    'label',
  ]);
  if (m.exitCode !== 0 || p.exitCode !== 0)
    throw new Error(`a run failed: modelship ${m.exitCode}, python ${p.exitCode}`);
  times.modelship.push(m.wallSeconds);
  times.python.push(p.wallSeconds);
  rss.modelship.push(m.peakRssMb);
  rss.python.push(p.peakRssMb);
  console.log(
    `run ${i + 1}: modelship ${m.wallSeconds.toFixed(2)} s ${m.peakRssMb.toFixed(0)} MB | python ${p.wallSeconds.toFixed(2)} s ${p.peakRssMb.toFixed(0)} MB`,
  );
}
const [mt, pt, mr, pr] = [
  median(times.modelship),
  median(times.python),
  median(rss.modelship),
  median(rss.python),
];
console.log(
  `median: modelship ${mt.toFixed(2)} s, ${mr.toFixed(0)} MB; python ${pt.toFixed(2)} s, ${pr.toFixed(0)} MB; ` +
    `time ratio ${(mt / pt).toFixed(2)} (target ≤ 0.5), RSS ratio ${(mr / pr).toFixed(2)} (target ≤ 0.5)`,
);
