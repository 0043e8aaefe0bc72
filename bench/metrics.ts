// Micro benchmark of computeMetrics on 1,000,000 rows per task, next to scikit-learn computing the
// same metrics on the same arrays (Debian's python3, timed inside Python, so no start-up cost).
//   npx tsx bench/metrics.ts [--rows 1000000] [--runs 5] [--no-sklearn]
// Target (issue #12): every binary metric on 1M rows well under 300 ms, a small part of `evaluate`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMetrics } from '../core/metrics/compute-metrics.js';
import type { Predictions } from '../core/metrics/predictions.js';
import { median } from './measure.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    'no-sklearn': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);

/** mulberry32: a seeded uniform in [0, 1), so every run measures the same data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A logistic model's scores on a holdout with 30 % positives, rounded to 1e-6 so ties occur. */
function binary(n: number): Predictions {
  const u = seeded(1);
  const actual = new Uint8Array(n);
  const score = new Float64Array(n);
  const predicted = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    actual[i] = u() < 0.3 ? 1 : 0;
    score[i] = Math.round(1e6 / (1 + Math.exp(-(2 * actual[i]! - 1 + 1.5 * normal(u))))) / 1e6;
    predicted[i] = score[i]! >= 0.5 ? 1 : 0;
  }
  return { task: 'binary', classes: ['0', '1'], actual, score, predicted };
}

/** Five classes, softmax probabilities leaning towards the true class. */
function multiclass(n: number, k = 5): Predictions {
  const u = seeded(2);
  const actual = new Int32Array(n);
  const probabilities = new Float64Array(n * k);
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const y = Math.floor(u() * k);
    actual[i] = y;
    let sum = 0;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp((c === y ? 1 : 0) + normal(u));
      probabilities[i * k + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) {
      probabilities[i * k + c]! /= sum;
      if (probabilities[i * k + c]! > probabilities[i * k + best]!) best = c;
    }
    predicted[i] = best;
  }
  return { task: 'multiclass', classes: ['a', 'b', 'c', 'd', 'e'], actual, probabilities, predicted };
}

function regression(n: number): Predictions {
  const u = seeded(3);
  const actual = new Float64Array(n);
  const predicted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    actual[i] = 100 + 30 * normal(u);
    predicted[i] = actual[i]! + 10 * normal(u);
  }
  return { task: 'regression', actual, predicted };
}

/**
 * Median wall and CPU milliseconds (CPU includes the collector's threads). On a shared machine the
 * CPU time is the steadier figure: wall time grows with every other process on the cores.
 */
function timeOurs(p: Predictions): { wall: number; cpu: number } {
  computeMetrics(p); // warm-up: compiles the hot loops
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    computeMetrics(p);
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const SKLEARN = `
import sys, time, numpy as np
from sklearn import metrics as M
task, folder, runs, k = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
load = lambda name: np.fromfile(folder + '/' + name, dtype='<f8')
if task == 'binary':
    y, s, p = load('actual').astype(int), load('score'), load('predicted').astype(int)
    def run():
        M.accuracy_score(y, p); M.precision_score(y, p); M.recall_score(y, p); M.f1_score(y, p)
        M.roc_auc_score(y, s); M.average_precision_score(y, s); M.log_loss(y, s, labels=[0, 1])
        M.brier_score_loss(y, s); M.confusion_matrix(y, p, labels=[0, 1])
elif task == 'multiclass':
    y, p = load('actual').astype(int), load('predicted').astype(int)
    P = load('probabilities').reshape(-1, k)
    def run():
        M.accuracy_score(y, p); M.balanced_accuracy_score(y, p); M.f1_score(y, p, average='macro')
        M.f1_score(y, p, average='weighted'); M.precision_score(y, p, average='macro')
        M.recall_score(y, p, average='macro'); M.log_loss(y, P, labels=list(range(k)))
        M.roc_auc_score(y, P, multi_class='ovr', labels=list(range(k))); M.confusion_matrix(y, p)
else:
    y, p = load('actual'), load('predicted')
    def run():
        M.mean_absolute_error(y, p); M.mean_squared_error(y, p); M.mean_squared_error(y, p, squared=False)
        M.r2_score(y, p); M.mean_absolute_percentage_error(y, p); M.max_error(y, p); M.median_absolute_error(y, p)
run()
times = []
for _ in range(runs):
    t = time.perf_counter(); run(); times.append((time.perf_counter() - t) * 1000)
print(sorted(times)[len(times) // 2])
`;

function timeSklearn(p: Predictions): number {
  const folder = mkdtempSync(join(tmpdir(), 'modelship-bench-metrics-'));
  try {
    for (const [name, array] of Object.entries(p)) {
      if (typeof array === 'string' || Array.isArray(array)) continue;
      const doubles = Float64Array.from(array as ArrayLike<number>);
      writeFileSync(join(folder, name), new Uint8Array(doubles.buffer));
    }
    const k = p.task === 'multiclass' ? p.classes.length : 0;
    const run = spawnSync('/usr/bin/python3', ['-c', SKLEARN, p.task, folder, String(runs), String(k)], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`scikit-learn timing failed:\n${run.stderr}`);
    return Number(run.stdout.trim());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

console.log(
  `computeMetrics on ${rows.toLocaleString('en')} rows, median of ${runs} runs after a warm-up (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
);
for (const make of [binary, multiclass, regression]) {
  const predictions = make(rows);
  const ours = timeOurs(predictions);
  const line = `${predictions.task.padEnd(11)} modelship ${ours.wall.toFixed(0).padStart(5)} ms (CPU ${ours.cpu.toFixed(0).padStart(4)} ms)`;
  if (values['no-sklearn']) {
    console.log(line);
  } else {
    const sklearn = timeSklearn(predictions);
    console.log(
      `${line}   scikit-learn ${sklearn.toFixed(0).padStart(6)} ms   (${(sklearn / ours.wall).toFixed(1)}×)`,
    );
  }
}
