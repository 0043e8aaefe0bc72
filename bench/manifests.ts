// Benchmark of the byte-preserving manifest editor (issue #14): one value changed in a 5,000-line
// Helm values file with comments, anchors, flow maps and a setter marker; also reading the targets
// back, scanning for setters and the unified diff.
//   npx tsx bench/manifests.ts [--lines 5000] [--runs 50]
// Target: an edit of a 5,000-line values file takes milliseconds.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { editManifest } from '../core/manifests/edit-manifest.js';
import { findSetterTargets } from '../core/manifests/find-setter-targets.js';
import { readManifestValues } from '../core/manifests/read-manifest-values.js';
import { unifiedDiff } from '../core/manifests/unified-diff.js';

const { values } = parseArgs({
  options: { lines: { type: 'string', default: '5000' }, runs: { type: 'string', default: '50' } },
});
const targetLines = Number(values.lines);
const runs = Number(values.runs);

/** A values file of many services, each a block of ~25 lines like a real chart's values. */
function valuesFile(lines: number): { text: string; last: string } {
  const out = ['# Values for a large umbrella chart.', 'global: &global', '  registry: ghcr.io/acme', ''];
  let i = 0;
  let last = '';
  while (out.length < lines - 3) {
    last = `service${i}`;
    out.push(
      `# ${last}: serves a model`,
      `${last}:`,
      `  enabled: true`,
      `  replicaCount: ${1 + (i % 5)}`,
      `  image:`,
      `    repository: ghcr.io/acme/${last}`,
      `    tag: "v1.${i}.0" # bumped by CI`,
      `    pullPolicy: IfNotPresent`,
      `  resources: {limits: {cpu: 500m, memory: 512Mi}, requests: {cpu: 100m, memory: 128Mi}}`,
      `  env:`,
      `    - name: MODEL_URI`,
      `      value: s3://models/${last}/v1.${i}.0`,
      `    - name: LOG_LEVEL`,
      `      value: info`,
      `  podAnnotations:`,
      `    prometheus.io/scrape: "true"`,
      `    prometheus.io/port: '9090'`,
      `  nodeSelector: {}`,
      `  tolerations: []`,
      `  service:`,
      `    type: ClusterIP`,
      `    port: 8080`,
      `  labels: {team: ml, tier: serving}`,
      ``,
    );
    i++;
  }
  out.push('fraud:', '  image: ghcr.io/acme/fraud-model:v5.0.2 # {"$modelship": "fraud:tag"}', '');
  return { text: out.join('\n'), last };
}

const { text, last } = valuesFile(targetLines);
const lineCount = text.split('\n').length;
const target = {
  kind: 'yaml' as const,
  file: 'values.yaml',
  model: 'm',
  path: `${last}.image.tag`,
  value: '{version}',
};

function measure(name: string, fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${name.padEnd(44)} median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  return median;
}

console.log(
  `values file: ${lineCount} lines, ${(text.length / 1024).toFixed(0)} KiB; ${runs} runs; load ${loadavg()[0]!.toFixed(1)}`,
);
measure("baseline: yaml's parseDocument of the file", () => parseDocument(text));
let counter = 0;
const edited = editManifest({ file: 'values.yaml', text, changes: [{ target, value: 'v9.9.9' }] });
if (edited.edits.length !== 1) throw new Error('unexpected edit');
measure('editManifest: one yaml path (last service)', () =>
  editManifest({ file: 'values.yaml', text, changes: [{ target, value: `v9.${counter++}.0` }] }),
);
const setters = findSetterTargets({ file: 'values.yaml', text });
measure('findSetterTargets', () => findSetterTargets({ file: 'values.yaml', text }));
measure('editManifest: the setter marker', () =>
  editManifest({ file: 'values.yaml', text, changes: [{ target: setters[0]!, value: `v6.${counter++}` }] }),
);
measure('readManifestValues: one yaml path', () =>
  readManifestValues({ file: 'values.yaml', text, targets: [target] }),
);
measure('unifiedDiff of the edit', () => unifiedDiff('values.yaml', text, edited.text));
