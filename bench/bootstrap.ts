// Benchmark of the paired bootstrap (issue #12): 1,000 resamples of every binary metric over
// 1,000,000 rows of two models' synthetic predictions, on one thread.
//   npx tsx bench/bootstrap.ts [--rows 1000000] [--resamples 1000] [--runs 1]
// Target: the bootstrap adds at most 15 s to an evaluation on this machine (2 cores).
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareBootstrap } from '../core/metrics/bootstrap/bootstrap-plan.js';
import { bootstrapReplicates } from '../core/metrics/bootstrap/bootstrap-replicates.js';
import { summarizeBootstrap } from '../core/metrics/bootstrap/summarize-bootstrap.js';
import { Xoshiro128 } from '../core/metrics/bootstrap/xoshiro128.js';
import type { BinaryPredictions } from '../core/metrics/predictions.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    resamples: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
  },
});
const rows = Number(values.rows);
const resamples = Number(values.resamples);

/** Two logistic models of one latent signal, with correlated noise, like a candidate and its predecessor. */
function syntheticPair(n: number): [BinaryPredictions, BinaryPredictions] {
  const random = new Xoshiro128([7, 11, 13, 17]);
  const uniform = () => (random.next() + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const actual = new Uint8Array(n);
  const scores = [new Float64Array(n), new Float64Array(n)];
  const predicted = [new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    actual[i] = uniform() < 0.3 ? 1 : 0;
    const shared = normal();
    for (const [m, strength] of [1.2, 1.0].entries()) {
      const z = (actual[i] ? strength : -strength) + 0.8 * shared + 0.6 * normal();
      // Six decimals, as a model exported as float32 would give: many tied scores.
      const p = Math.round(1e6 / (1 + Math.exp(-z))) / 1e6;
      scores[m]![i] = p;
      predicted[m]![i] = p >= 0.5 ? 1 : 0;
    }
  }
  const model = (m: number): BinaryPredictions => ({
    task: 'binary',
    classes: ['0', '1'],
    actual,
    score: scores[m]!,
    predicted: predicted[m]!,
  });
  return [model(0), model(1)];
}

const [candidate, baseline] = syntheticPair(rows);
console.log(`${rows} rows, ${resamples} resamples, every binary metric, one thread`);
for (let run = 0; run < Number(values.runs); run++) {
  // CPU time next to wall time: on a machine shared with other work, CPU time is what this code costs.
  const started = performance.now();
  const cpu = process.cpuUsage();
  const plan = prepareBootstrap(candidate, baseline);
  const prepared = performance.now();
  const prepareCpu = process.cpuUsage(cpu);
  const replicates = bootstrapReplicates(plan, 0, 0, resamples);
  const resampled = performance.now();
  const result = summarizeBootstrap(plan, replicates, 0.95);
  const finished = performance.now();
  const used = process.cpuUsage(cpu);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const cpuSeconds = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / 1e6).toFixed(2);
  console.log(
    `prepare ${seconds(prepared - started)} s (CPU ${cpuSeconds(prepareCpu)} s), ` +
      `resamples ${seconds(resampled - prepared)} s (${((resampled - prepared) / resamples).toFixed(2)} ms each), ` +
      `summary ${seconds(finished - resampled)} s; total ${seconds(finished - started)} s wall, CPU ${cpuSeconds(used)} s; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  if (run === 0) console.log(JSON.stringify(result.roc_auc), JSON.stringify(result.accuracy));
}
