// Benchmark of `modelship drift` against the same defaults in pandas + scipy (Debian's python3).
//   npx tsx bench/drift.ts [--rows 1000000] [--runs 5] [--big 10000000]
// Targets (issue #4): a 1M-row × 20-column pair in ≤ 3 s and ≤ 450 MB peak RSS, ≤ 1/5 of pandas+scipy's
// wall time; with --big, a 10M-row pair completes with peak RSS < 2.5 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './measure.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'bench/out');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    big: { type: 'string' },
    // Another checkout (with its dist/ built) measured in the same alternation: a regression check
    // whose ratio does not drift with the machine's speed.
    baseline: { type: 'string' },
  },
});
mkdirSync(out, { recursive: true });

function generate(rows: number, shift: boolean): string {
  const file = join(out, `drift-${shift ? 'current' : 'reference'}-${rows}.csv`);
  if (!existsSync(file)) {
    const args = [
      '--import',
      'tsx',
      join(root, 'bench/gen-data.ts'),
      '--rows',
      String(rows),
      '--out',
      file,
      '--kind',
      'drift',
    ];
    const gen = spawnSync(process.execPath, shift ? [...args, '--shift', '--seed', '7'] : args, {
      stdio: 'inherit',
    });
    if (gen.status !== 0) throw new Error('data generation failed');
  }
  return file;
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('build failed');

// The repository's own .github/modelship.yml configures the example data, not this data.
const config = join(out, 'bench-config.yml');
writeFileSync(config, 'version: 1\n');
const cli = (reference: string, current: string, checkout = root) => [
  join(checkout, 'dist/cli.js'),
  'drift',
  '--config',
  config,
  '--reference',
  reference,
  '--current',
  current,
  '--json',
];
const rows = Number(values.rows);
const runs = Number(values.runs);
const reference = generate(rows, false);
const current = generate(rows, true);
console.log(
  `data: 2 × ${(statSync(reference).size / 1e6).toFixed(0)} MB (${rows.toLocaleString('en-US')} rows × 20 columns)`,
);
const ours = [];
const pandas = [];
const baseline = [];
for (let i = 0; i < runs; i++) {
  const m = measure(process.execPath, cli(reference, current));
  if (m.exitCode === 2) throw new Error('modelship drift reported an input error');
  ours.push(m);
  if (values.baseline) baseline.push(measure(process.execPath, cli(reference, current, values.baseline)));
  const p = measure('/usr/bin/python3', [join(root, 'bench/drift_pandas.py'), reference, current]);
  if (p.exitCode !== 0) throw new Error('the pandas script failed');
  pandas.push(p);
}
const f = (n: number, d = 2) => n.toFixed(d).padStart(8);
const oursWall = median(ours.map((m) => m.wallSeconds));
const pandasWall = median(pandas.map((m) => m.wallSeconds));
console.log(`\nmedian of ${runs} runs      wall s   peak RSS MB`);
console.log(
  `modelship drift      ${f(oursWall)}   ${f(median(ours.map((m) => m.peakRssMb)), 0)}   (target ≤ 3 s, ≤ 450 MB)`,
);
console.log(`pandas + scipy       ${f(pandasWall)}   ${f(median(pandas.map((m) => m.peakRssMb)), 0)}`);
console.log(`ratio (target ≤ 0.2)  wall ${(oursWall / pandasWall).toFixed(3)}`);
if (values.baseline) {
  const wall = median(baseline.map((m) => m.wallSeconds));
  const rss = median(baseline.map((m) => m.peakRssMb));
  const oursRss = median(ours.map((m) => m.peakRssMb));
  console.log(`baseline             ${f(wall)}   ${f(rss, 0)}   (${values.baseline})`);
  console.log(
    `ours / baseline      wall ${(oursWall / wall).toFixed(3)}   RSS ${(oursRss / rss).toFixed(3)}`,
  );
}

if (values.big) {
  const big = Number(values.big);
  const m = measure(process.execPath, cli(generate(big, false), generate(big, true)));
  console.log(
    `\n${big.toLocaleString('en-US')}-row pair: ${m.wallSeconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB (target < 2500 MB), exit ${m.exitCode}`,
  );
}
