// Benchmark of the metric-gate action given metrics files (no model): start to finish, as the runner
// runs it (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, no token: no GitHub call).
//   npx tsx bench/gate-action.ts [--runs 15] [--dist dist] [--node /path/to/node24]
// Target (issue #12): under 300 ms on Node 24. `node -e 0` runs alternately as the machine's floor,
// so a loaded machine shows in the reference too and the difference stays readable.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './measure.js';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    dist: { type: 'string', default: join(root, 'dist') },
    node: { type: 'string', default: process.execPath },
  },
});
const workspace = mkdtempSync(join(tmpdir(), 'modelship-gate-bench-'));
mkdirSync(join(workspace, '.github'));
writeFileSync(
  join(workspace, '.github/modelship.yml'),
  'gate:\n  metrics:\n    roc_auc: { threshold: 0.8, min_absolute_change: 0.001 }\n    log_loss: { threshold: 0.5 }\n',
);
const metrics = (shift: number) =>
  JSON.stringify({
    task: 'binary',
    rows: 1_000_000,
    metrics: { roc_auc: 0.9 + shift, log_loss: 0.3 - shift },
  });
writeFileSync(join(workspace, 'cand.json'), metrics(0.01));
writeFileSync(join(workspace, 'prod.json'), metrics(0));
for (const file of ['output', 'summary']) writeFileSync(join(workspace, file), '');
Object.assign(process.env, {
  GITHUB_WORKSPACE: workspace,
  RUNNER_TEMP: workspace,
  GITHUB_OUTPUT: join(workspace, 'output'),
  GITHUB_STEP_SUMMARY: join(workspace, 'summary'),
  INPUT_CANDIDATE: 'cand.json',
  INPUT_BASELINE: 'prod.json',
});

const entry = resolve(values.dist, 'metric-gate.js');
const gate: number[] = [];
const floor: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const run = measure(values.node, [entry], { cwd: workspace });
  if (run.exitCode !== 0) throw new Error(`the action failed (exit ${run.exitCode})`);
  gate.push(run.wallSeconds * 1000);
  floor.push(measure(values.node, ['-e', '0']).wallSeconds * 1000);
}
const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(`metric-gate (${entry}) on ${values.node}, ${values.runs} runs`);
console.log(`  action:    median ${ms(median(gate))}, best ${ms(Math.min(...gate))}`);
console.log(`  node -e 0: median ${ms(median(floor))}, best ${ms(Math.min(...floor))}`);
console.log(`  target: under 300 ms`);
