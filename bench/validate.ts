// Benchmark of `modelship validate` against the equivalent pandas script (Debian's python3-pandas).
//   npx tsx bench/validate.ts [--rows 1000000] [--runs 5] [--big]
// Targets (issue #2): 1M rows × 20 columns with 30+ checks in ≤ 1/3 of pandas' wall time and ≤ 1/2 of
// its peak RSS; with --big, a ~2 GB CSV validates with peak RSS under 1 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checksYaml } from './validate-checks.js';
import { measure, median } from './measure.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'bench/out');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    big: { type: 'boolean' },
    // Another checkout (with its dist/ built) measured in the same alternation: a regression check
    // whose ratio does not drift with the machine's speed.
    baseline: { type: 'string' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
mkdirSync(out, { recursive: true });

function generate(rowCount: number): string {
  const file = join(out, `validate-${rowCount}.csv`);
  if (!existsSync(file)) {
    const gen = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'bench/gen-data.ts'),
        '--rows',
        String(rowCount),
        '--out',
        file,
        '--kind',
        'validate',
      ],
      { stdio: 'inherit' },
    );
    if (gen.status !== 0) throw new Error('data generation failed');
  }
  return file;
}

/** The header and first rows, enough to pick bounds and categories for the checks. */
function sample(file: string): { header: string[]; rows: string[][] } {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const lines = buffer.subarray(0, length).toString('utf8').split('\n').slice(0, 3001);
  lines.pop();
  const [header, ...rest] = lines.map((line) => line.split(','));
  return { header: header!, rows: rest };
}

function ensureBuilt() {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
}

const format = (n: number, digits = 2) => n.toFixed(digits).padStart(8);

ensureBuilt();
const data = generate(rows);
const { header, rows: firstRows } = sample(data);
const checksFile = join(out, 'validate-checks.yml');
const yamlText = checksYaml(header, firstRows);
writeFileSync(checksFile, yamlText);
const checkCount = (yamlText.match(/^ {2}- check:/gm) ?? []).length;
console.log(
  `data: ${data} (${(statSync(data).size / 1e6).toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows × ${header.length} columns), ${checkCount} checks`,
);

const ours = [];
const pandas = [];
const baseline = [];
const validate = (checkout: string) =>
  measure(process.execPath, [
    join(checkout, 'dist/cli.js'),
    'validate',
    '--data',
    data,
    '--checks',
    checksFile,
    '--json',
  ]);
for (let i = 0; i < runs; i++) {
  const m = validate(root);
  if (m.exitCode === 2) throw new Error('modelship validate reported an input error');
  ours.push(m);
  if (values.baseline) baseline.push(validate(values.baseline));
  const p = measure('/usr/bin/python3', [join(root, 'bench/validate_pandas.py'), data, checksFile]);
  if (p.exitCode !== 0) throw new Error('the pandas script failed');
  pandas.push(p);
}
const oursWall = median(ours.map((m) => m.wallSeconds));
const oursRss = median(ours.map((m) => m.peakRssMb));
const pandasWall = median(pandas.map((m) => m.wallSeconds));
const pandasRss = median(pandas.map((m) => m.peakRssMb));
console.log(`\nmedian of ${runs} runs      wall s   peak RSS MB`);
console.log(`modelship validate   ${format(oursWall)}   ${format(oursRss, 0)}`);
console.log(`pandas               ${format(pandasWall)}   ${format(pandasRss, 0)}`);
if (values.baseline) {
  const wall = median(baseline.map((m) => m.wallSeconds));
  const rss = median(baseline.map((m) => m.peakRssMb));
  console.log(`baseline             ${format(wall)}   ${format(rss, 0)}   (${values.baseline})`);
  console.log(
    `ours / baseline      wall ${(oursWall / wall).toFixed(3)}   RSS ${(oursRss / rss).toFixed(3)}`,
  );
}
console.log(
  `ratio (target ≤ 0.33 wall, ≤ 0.5 RSS)  wall ${(oursWall / pandasWall).toFixed(3)}   RSS ${(oursRss / pandasRss).toFixed(3)}`,
);

if (values.big) {
  const bigRows = Math.round((2e9 / statSync(data).size) * rows);
  const big = generate(bigRows);
  const m = measure(process.execPath, [
    join(root, 'dist/cli.js'),
    'validate',
    '--data',
    big,
    '--checks',
    checksFile,
    '--json',
  ]);
  console.log(
    `\n${(statSync(big).size / 1e9).toFixed(2)} GB CSV (${bigRows.toLocaleString('en-US')} rows): ${m.wallSeconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB (target < 1024 MB), exit ${m.exitCode}`,
  );
}
