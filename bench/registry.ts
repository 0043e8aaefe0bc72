// Benchmark of the registry's offline queries as a user runs them: `node cli.js registry …` in a
// clone with 2,200 registry tags (40 models × 50 versions, each on its own commit, half of them with
// a version record in the message; plus 5 stage events per model) and 5,000 unrelated tags, refs
// packed as `git clone` leaves them.
//   npx tsx bench/registry.ts [--runs 5] [--node /path/to/node]
// Targets (issue #13): every query under 1 s including process start, `show NAME@latest` under 0.3 s.
// The CLI is a fresh esbuild bundle of cli/index.ts made here with scripts/build.mjs's settings (dist/
// is rebuilt by the release process only). GTO (Python) is not installable here (no PyPI), so its
// time on the same repository is not measured; its users report 6–12 s at ~1,500 tags.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { VersionRecord } from '../core/registry/version-record-schema.js';
import { formatVersionTagMessage } from '../core/registry/version-tag-message.js';
import { median } from './measure.js';
// @ts-expect-error: a JavaScript build script without type declarations
import { bundle } from '../scripts/build.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    node: { type: 'string', default: process.execPath },
    keep: { type: 'boolean' },
  },
});
const MODELS = 40;
const VERSIONS = 50;
const UNRELATED = 5_000;
const work = mkdtempSync(join(tmpdir(), 'modelship-registry-bench-'));
const repo = join(work, 'repo');
const git = (args: string[], input?: string) =>
  execFileSync('git', args, { cwd: repo, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

function record(model: string, version: string, commit: string): VersionRecord {
  const hex = (n: number) => n.toString(16).padStart(64, '0');
  return {
    schema: 'modelship/version@1',
    model,
    version,
    commit,
    artifacts: [
      {
        name: 'model.onnx',
        uri: `https://github.com/acme/models/releases/download/${model}%40${version}/model.onnx`,
        sha256: hex(commit.length * 7919 + version.length),
        size: 1_234_567,
      },
    ],
    metrics: { roc_auc: 0.91, log_loss: 0.23, accuracy: 0.88, f1: 0.71, precision: 0.74, recall: 0.69 },
    gate: {
      verdict: 'passed',
      rules: [
        { metric: 'roc_auc', passed: true, value: 0.91, baseline: 0.9, interval: [0.002, 0.018] },
        { metric: 'log_loss', passed: true, value: 0.23, baseline: 0.24 },
      ],
    },
    dataset: { location: 's3://acme-data/holdout.parquet', sha256: hex(42) },
    run: 'https://github.com/acme/models/actions/runs/123456789',
    registeredBy: 'ada',
  };
}

/** Two `git fast-import` streams: every commit, annotated tag and lightweight tag at once. */
function buildRepository(): { tags: number } {
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', repo]);
  const out: string[] = [];
  let mark = 0;
  let time = 1_767_225_600;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const tagger = () => `tagger Ada <ada@example.com> ${(time += 7)} +0000\n`;
  const commitOf: string[][] = [];
  for (let m = 0; m < MODELS; m++) {
    commitOf.push([]);
    for (let v = 0; v < VERSIONS; v++) {
      mark++;
      out.push(
        `commit refs/heads/main\nmark :${mark}\ncommitter Ada <ada@example.com> ${(time += 7)} +0000\n${data(`train model-${m} ${v}`)}${mark > 1 ? `from :${mark - 1}\n` : ''}`,
      );
      commitOf[m]!.push(`:${mark}`);
    }
  }
  // Commits first, so the version records can name their commits' shas.
  const marks = join(work, 'marks');
  git(['fast-import', '--quiet', `--export-marks=${marks}`], out.join(''));
  out.length = 0;
  const sha = new Map(
    readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  for (const list of commitOf) for (let v = 0; v < list.length; v++) list[v] = sha.get(list[v]!)!;
  let tags = 0;
  const annotated = (name: string, from: string, message: string) => {
    tags++;
    out.push(`tag ${name}\nfrom ${from}\n${tagger()}${data(message)}`);
  };
  for (let m = 0; m < MODELS; m++) {
    const name = `model-${m}`;
    for (let v = 0; v < VERSIONS; v++) {
      const version = `v${Math.floor(v / 10) + 1}.${v % 10}.0`;
      // Half the versions registered by Modelship (a record in the message), half by GTO.
      const commit = commitOf[m]![v]!;
      annotated(
        `${name}@${version}`,
        commit,
        v % 2 === 0
          ? formatVersionTagMessage(record(name, version, commit))
          : `Registering artifact ${name} version ${version}`,
      );
    }
    // Stage history: staging and production move forward, one rollback.
    let counter = 0;
    for (const [stage, v, un] of [
      ['staging', 40, false],
      ['production', 35, false],
      ['staging', 48, false],
      ['production', 45, false],
      ['production', 45, true],
    ] as const) {
      const version = `v${Math.floor(v / 10) + 1}.${v % 10}.0`;
      annotated(
        `${name}#${stage}${un ? '!' : ''}#${++counter}`,
        commitOf[m]![v]!,
        `${un ? 'Unassigning' : 'Assigning'} stage ${stage} ${un ? 'from' : 'to'} artifact ${name} version ${version}`,
      );
    }
  }
  // Unrelated tags: application releases (annotated) and build markers (lightweight).
  for (let i = 0; i < UNRELATED; i++) {
    const from = commitOf[i % MODELS]![i % VERSIONS]!;
    if (i % 2 === 0) out.push(`tag app-v${i}.0.0\nfrom ${from}\n${tagger()}${data(`Release ${i}`)}`);
    else out.push(`reset refs/tags/build-${i}\nfrom ${from}\n\n`);
  }
  git(['fast-import', '--quiet'], out.join(''));
  git(['pack-refs', '--all']);
  return { tags };
}

const started = Date.now();
const { tags } = buildRepository();
const total = git(['for-each-ref', '--count=100000', '--format=x', 'refs/tags'])
  .split('\n')
  .filter(Boolean).length;
console.log(
  `repository: ${tags} registry tags, ${total} tags in all, built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const dist = join(work, 'dist');
await bundle(dist);
const cli = join(dist, 'cli.js');

const ms = (seconds: number) => `${(seconds * 1000).toFixed(0).padStart(5)} ms`;
const queries: [string, string[], number][] = [
  ['list', ['list'], 1],
  ['show NAME', ['show', 'model-7'], 1],
  ['show NAME@latest', ['show', 'model-7@latest'], 0.3],
  ['show NAME@v3', ['show', 'model-7@v3'], 1],
  ['show NAME#production', ['show', 'model-7#production'], 1],
  ['which NAME production', ['which', 'model-7', 'production'], 1],
  ['history NAME', ['history', 'model-7'], 1],
  ['list --json', ['list', '--json'], 1],
  ['doctor', ['doctor'], 1],
];
/**
 * Wall time, and CPU time (user + system, children included — git too): on a busy machine wall time
 * grows with the load, CPU time much less, so both are printed.
 */
function measure(command: string, args: string[], options: { cwd?: string } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { wallSeconds, cpuSeconds: user + system, exitCode: result.status ?? -1 };
}

const floor: number[] = [];
const floorCpu: number[] = [];
const runs = Number(values.runs);
console.log(`node ${cli} registry … on ${values.node}, median of ${runs} runs`);
for (const [label, args, target] of queries) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = measure(values.node, [cli, 'registry', ...args], { cwd: repo });
    if (run.exitCode !== 0) throw new Error(`registry ${args.join(' ')} exited ${run.exitCode}`);
    times.push(run.wallSeconds);
    cpu.push(run.cpuSeconds);
    const base = measure(values.node, ['-e', '0']);
    floor.push(base.wallSeconds);
    floorCpu.push(base.cpuSeconds);
  }
  const m = median(times);
  console.log(
    `  ${label.padEnd(24)} median ${ms(m)}  best ${ms(Math.min(...times))}  cpu ${ms(median(cpu))}  target < ${target * 1000} ms  ${m < target ? 'ok' : 'OVER'}`,
  );
}
console.log(
  `  ${'node -e 0'.padEnd(24)} median ${ms(median(floor))}  best ${ms(Math.min(...floor))}  cpu ${ms(median(floorCpu))}`,
);
const gitOnly: number[] = [];
for (let i = 0; i < runs; i++)
  gitOnly.push(
    measure(
      'git',
      ['for-each-ref', '--format=%(refname)%00%(contents)', 'refs/tags/**/*@*', 'refs/tags/**/*#*'],
      {
        cwd: repo,
      },
    ).wallSeconds,
  );
console.log(
  `  ${'git for-each-ref alone'.padEnd(24)} median ${(median(gitOnly) * 1000).toFixed(0).padStart(5)} ms`,
);
console.log('GTO: not installable here (no PyPI); not measured.');
if (values.keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
