// Benchmark of the registry's pure core (issue #13): buildRegistryState over the repository —
// 40 models × 50 versions with stage tags (2,000 registry tags, every registration carrying a version
// record) plus 5,000 unrelated tags — then a few resolutions.
//   node --expose-gc --import tsx bench/registry-state.ts [--runs 20]   (--expose-gc: a collection before each run)
// Target: a few ms, so that every offline query answers in under 1 s including process start.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildRegistryState } from '../core/registry/build-registry-state.js';
import type { RegistryTag } from '../core/registry/registry-types.js';
import { resolveVersion } from '../core/registry/resolve-version.js';
import { formatVersionTagMessage } from '../core/registry/version-tag-message.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

function hex(n: number): string {
  return n.toString(16).padStart(40, '0');
}

function repository(): RegistryTag[] {
  const tags: RegistryTag[] = [];
  let minute = 0;
  let commit = 0;
  const at = () => new Date(Date.UTC(2026, 0, 1) + minute++ * 60_000).toISOString();
  for (let m = 0; m < 40; m++) {
    const model = `model-${m}`;
    let counter = 0;
    // 40 versions, 7 stage tags and 3 deregistrations per model: 50 registry tags each.
    for (let v = 0; v < 40; v++) {
      const version = `v1.${v}.0`;
      const sha = hex(++commit);
      const message = formatVersionTagMessage({
        schema: 'modelship/version@1',
        model,
        version,
        commit: sha,
        artifacts: [
          {
            name: 'model.onnx',
            uri: `s3://models/${model}/${version}/model.onnx`,
            sha256: 'ab'.repeat(32),
            size: 1e6,
          },
        ],
        metrics: { roc_auc: 0.9, accuracy: 0.8, f1: 0.7 },
        gate: {
          verdict: 'passed',
          rules: [{ metric: 'roc_auc', passed: true, value: 0.9, baseline: 0.89, interval: [0.001, 0.02] }],
        },
        dataset: { location: 's3://data/holdout.parquet', sha256: 'cd'.repeat(32) },
        run: 'https://github.com/acme/models/actions/runs/1',
        registeredBy: 'ada',
      });
      const tagger = { name: 'Ada', email: 'ada@example.com', date: at() };
      tags.push({
        name: `${model}@${version}`,
        commit: sha,
        annotated: true,
        object: hex(1e6 + tags.length),
        tagger,
        message,
      });
      if (v % 6 === 5 || v === 39) {
        const stage = v % 12 === 5 ? 'staging' : 'prod';
        tags.push({
          name: `${model}#${stage}#${++counter}`,
          commit: sha,
          annotated: true,
          tagger: { ...tagger, date: at() },
          message: `Assigning stage ${stage} to artifact ${model} version ${version}`,
        });
      }
      if (v % 13 === 12) {
        tags.push({
          name: `${model}@${version}!`,
          commit: sha,
          annotated: true,
          tagger: { ...tagger, date: at() },
          message: 'Deregistering',
        });
      }
    }
  }
  for (let i = 0; i < 5000; i++) {
    tags.push({
      name: `release-${i}`,
      commit: hex(5e6 + i),
      annotated: i % 2 === 0,
      tagger: { name: 'CI', email: 'ci@example.com', date: at() },
      message: 'release\n',
    });
  }
  return tags;
}

const tags = repository();
const registryTags = tags.filter((t) => !t.name.startsWith('release-')).length;
// The first call includes compiling the code (what a CLI process pays once).
const gc = (globalThis as { gc?: () => void }).gc;
let start = performance.now();
let state = buildRegistryState(tags);
const firstMs = performance.now() - start;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  gc?.();
  start = performance.now();
  state = buildRegistryState(tags);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
start = performance.now();
for (const name of state.models.keys()) {
  resolveVersion(state, name, 'latest');
  resolveVersion(state, name, '#prod');
  resolveVersion(state, name, 'v1.3');
}
const resolveMs = performance.now() - start;
console.log(
  JSON.stringify(
    {
      tags: tags.length,
      registryTags,
      models: state.models.size,
      problems: state.problems.length,
      firstCallMs: +firstMs.toFixed(1),
      buildMsMedian: +times[Math.floor(times.length / 2)]!.toFixed(2),
      buildMsMin: +times[0]!.toFixed(2),
      resolve120Ms: +resolveMs.toFixed(2),
      loadavg: loadavg()[0],
    },
    null,
    2,
  ),
);
