import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { collectSamples } from '../../../core/drift/column-sample.js';
import { columnOrder, datasetDrift, driftColumns } from '../../../core/drift/detect-drift.js';
import { driftConfigSchema } from '../../../core/config/drift-config-schema.js';
import { collectSamplesInWorker } from '../../../platform/data/read-dataset-in-worker.js';
import { openDataset } from '../../../core/data/open-dataset.js';
import { LocalFileResolver } from '../../../platform/files/local-file-resolver.js';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { resolveDriftSettings } from '../../../jobs/drift/drift-settings.js';
import { runDrift as runDriftJob } from '../../../jobs/drift/run-drift.js';
import { startReaderThreads } from '../../../platform/data/reader-threads.js';
import { reportFiles } from '../../../platform/files/report-files.js';
import { localTextFiles } from '../../../platform/files/text-files.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-run-drift-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// Enough rows for the radix sorts (over 1024) and several 64K-value chunks per column.
const rows = (n: number, shift: number) =>
  Array.from({ length: n }, (_, i) => `${((i * 7919) % 1000) / 8 + shift},${(i * 31) % 977},c${i % 4}`);
writeFileSync(join(dir, 'ref.csv'), ['x,n,c', ...rows(150_000, 0)].join('\n'));
writeFileSync(join(dir, 'cur.csv'), ['x,n,c', ...rows(3_000, 40)].join('\n'));
writeFileSync(join(dir, 'ragged.csv'), ['x,n,c', ...rows(2_000, 0), '1,2'].join('\n'));
const config = driftConfigSchema.parse({});

/** The drift job as the CLI runs it, on reader threads that are closed afterwards. */
async function runDrift(options: { reference: string; current: string; memoryBudget?: number }) {
  const settings = resolveDriftSettings(
    modelshipConfigSchema.parse({}),
    { reference: options.reference, current: options.current },
    { reference: '--reference', current: '--current' },
  );
  const readers = startReaderThreads({ cwd: dir });
  try {
    const ports = {
      samples: readers,
      reports: reportFiles(dir),
      files: localTextFiles(dir),
      clock: { now: () => new Date() },
    };
    const budget = options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {};
    return (await runDriftJob(settings, ports, budget)).report;
  } finally {
    await readers.close();
  }
}

test('samples taken on a worker thread arrive sorted, equal to those taken here', async () => {
  const inWorker = await collectSamplesInWorker('ref.csv', { cwd: dir }, { batchRows: 4096 });
  assert.deepEqual(inWorker.names, ['x', 'n', 'c']);
  const remote = await inWorker.collect(new Set(['x', 'n', 'c']));
  await inWorker.close();
  const files = await new LocalFileResolver({ cwd: dir }).resolve('ref.csv');
  const local = await collectSamples(await openDataset(files, { batchRows: 4096 }));
  assert.equal(remote.rows, 150_000);
  for (const name of ['x', 'n']) {
    const expected = local.samples.get(name)!.numbers!.sortedDoubles();
    const actual = remote.samples.get(name)!.numbers!.sortedDoubles();
    assert.deepEqual(actual, expected, name);
    assert.ok(
      actual.every((v, i) => i === 0 || actual[i - 1]! <= v),
      `${name} ascending`,
    );
  }
  assert.deepEqual(remote.samples.get('c')!.categories, local.samples.get('c')!.categories);
});

test('the same verdicts in one pass and in column groups under a small memory budget', async () => {
  const whole = await runDrift({ reference: 'ref.csv', current: 'cur.csv' });
  const grouped = await runDrift({
    reference: 'ref.csv',
    current: 'cur.csv',
    memoryBudget: 1 << 20,
  });
  const verdicts = (r: typeof whole) => r.columns.map((c) => [c.column, c.test, c.statistic, c.drift]);
  assert.deepEqual(verdicts(grouped), verdicts(whole));
  // Tested on the two reader threads, each taking some columns: the same as all on this thread.
  const sample = async (name: string) =>
    collectSamples(await openDataset(await new LocalFileResolver({ cwd: dir }).resolve(name), {}));
  const [ref, cur] = await Promise.all([sample('ref.csv'), sample('cur.csv')]);
  const input = {
    reference: ref.samples,
    current: cur.samples,
    referenceRows: ref.rows,
    currentRows: cur.rows,
  };
  const names = columnOrder([...ref.samples.keys()], [...cur.samples.keys()], config);
  const here = datasetDrift(driftColumns(names, input, config), ref.rows, cur.rows, config);
  assert.deepEqual(whole.columns, here.columns);
  assert.deepEqual(whole.dataset, here.dataset);
  assert.equal(whole.columns.find((c) => c.column === 'x')!.drift, true);
});

// A failure on one side must stop the other side's thread too, even before the adapter closes the
// readers: a thread left waiting keeps the process alive, and the command would never exit. So each
// case runs in a process of its own, which never closes its readers and has to end by itself.
const jobUrl = (path: string) => new URL(`../../../${path}`, import.meta.url).href;
for (const [label, reference, current, expected] of [
  ['a missing current file', 'ref.csv', 'missing.csv', /missing\.csv/],
  ['a missing reference file', 'missing.csv', 'ref.csv', /missing\.csv/],
  ['a ragged row in the current data', 'ref.csv', 'ragged.csv', /expected 3 fields/],
] as const) {
  test(`${label}: a user error, and the process exits by itself`, () => {
    const script = `
      import { runDrift } from ${JSON.stringify(jobUrl('jobs/drift/run-drift.ts'))};
      import { startReaderThreads } from ${JSON.stringify(jobUrl('platform/data/reader-threads.ts'))};
      import { reportFiles } from ${JSON.stringify(jobUrl('platform/files/report-files.ts'))};
      import { localTextFiles } from ${JSON.stringify(jobUrl('platform/files/text-files.ts'))};
      const settings = { reference: ${JSON.stringify(reference)}, current: ${JSON.stringify(current)}, config: ${JSON.stringify(config)}, configFile: 'm.yml', checkRunRequired: false };
      const ports = { samples: startReaderThreads({ cwd: ${JSON.stringify(dir)} }), reports: reportFiles(${JSON.stringify(dir)}), files: localTextFiles(${JSON.stringify(dir)}), clock: { now: () => new Date() } };
      await runDrift(settings, ports)
        .then(() => console.log('no error'), (e) => console.log(e.kind, e.message, JSON.stringify(e.location)));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(child.signal, null, 'the process had to be killed: a reader thread kept it alive');
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /^(data|not-found) /);
    assert.match(child.stdout, expected);
  });
}
