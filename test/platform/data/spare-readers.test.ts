import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readDatasetInWorker } from '../../../platform/data/read-dataset-in-worker.js';
import { startSpareReaders } from '../../../platform/data/spare-readers.js';
import { readRows } from '../../support/read-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-spare-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'a.csv'),
  ['id,x', ...Array.from({ length: 500 }, (_, i) => `${i},${i / 4}`)].join('\n'),
);
const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);

test('readers started ahead of need are the ones that read, and read the same', async () => {
  startSpareReaders(2);
  const read = async () => readRows((await readDatasetInWorker('a.csv', dir, { batchRows: 64 })).stream);
  const [first, second, third] = await Promise.all([read(), read(), read()]);
  assert.equal(first.rows.length, 500);
  assert.deepEqual(second, first);
  assert.deepEqual(third, first);
  assert.deepEqual(first.rows[499], { id: 499, x: 124.75 });
});

test('a spare reader nobody takes does not keep the process alive', () => {
  const script = `
    import { startSpareReaders } from ${module('../../../platform/data/spare-readers.ts')};
    startSpareReaders(2);
    console.log('started');
  `;
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(child.signal, null, 'the process had to be killed');
  assert.equal(child.stdout.trim(), 'started');
  assert.ok(Date.now() - started < 15_000);
});
