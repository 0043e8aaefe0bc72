import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { openDataset } from '../../../core/data/open-dataset.js';
import type { Batch } from '../../../core/data/types.js';
import { isUserError, type UserError } from '../../../core/errors.js';
import { resolveDataFiles } from '../../../platform/resolve-data-files.js';
import { readDatasetInWorker } from '../../../platform/data/read-dataset-in-worker.js';
import { readRows } from '../../support/read-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const rows = Array.from(
  { length: 1000 },
  (_, i) => `${i},${i % 7 === 0 ? '' : (i / 8).toFixed(3)},c${i % 5}`,
);
writeFileSync(join(dir, 'a.csv'), ['id,x,c', ...rows.slice(0, 600)].join('\n'));
writeFileSync(join(dir, 'b.csv'), ['id,x,c', ...rows.slice(600)].join('\n'));
writeFileSync(
  join(dir, 'late-error.csv'),
  ['id,x', ...Array.from({ length: 300 }, (_, i) => `${i},1`), '1,2,3'].join('\n'),
);

// CSV is read by two threads (one finds records, one decodes them): the batches must be exactly
// those of reading on one thread — types inferred per file and sticky within it, lines, offsets.
const tricky = (from: number, to: number, text: (i: number) => string) =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const note = i % 9 === 0 ? `"line one\r\nline ""two"" of ${i}"` : `plain ${'x'.repeat(i % 50)}`;
    return `${i},${text(i)},${note},${i % 4 === 0 ? '' : `2026-01-0${1 + (i % 9)}T10:00:00Z`}`;
  });
writeFileSync(
  join(dir, 'mixed-1.csv'),
  ['id,v,note,at', ...tricky(0, 400, (i) => (i < 250 ? String(i * 3) : `${i}.5`))].join('\r\n'),
);
writeFileSync(
  join(dir, 'mixed-2.csv'),
  ['id,v,note,at', ...tricky(400, 700, (i) => (i === 520 ? 'n/a?' : String(i)))].join('\n'),
);

test('CSV read on two threads gives exactly the batches of reading on one', async () => {
  for (const batchRows of [5, 64, 1000]) {
    const inProcess = await openDataset(await resolveDataFiles('mixed-*.csv', { cwd: dir }), { batchRows });
    const expected: Batch[] = [];
    for await (const batch of inProcess.batches()) expected.push(batch);
    const { stream } = await readDatasetInWorker('mixed-*.csv', { cwd: dir }, { batchRows });
    const actual: Batch[] = [];
    for await (const batch of stream.batches()) actual.push(batch);
    assert.equal(actual.length, expected.length, `batchRows ${batchRows}`);
    actual.forEach((batch, b) => assert.deepEqual(batch, expected[b], `batchRows ${batchRows}, batch ${b}`));
    // The data does exercise what must carry over: a type widened within a file, then reset by the next.
    const types = expected.map((batch) => batch.columns[1]!.type);
    assert.ok(types.includes('float') && types.includes('string') && types.at(-1) === 'string');
  }
});

test('a value the decoding thread refuses stops the stream after the rows before it', async () => {
  const { stream } = await readDatasetInWorker(
    'mixed-2.csv',
    { cwd: dir },
    {
      batchRows: 16,
      columnTypes: { v: 'integer' },
    },
  );
  let rows = 0;
  const error = await (async () => {
    for await (const batch of stream.batches()) rows += batch.length;
  })().catch((e: unknown) => e);
  assert.ok(isUserError(error), String(error));
  assert.match((error as UserError).message, /"n\/a\?" is not an integer/);
  assert.equal((error as UserError).location.field, 'v');
  // Row 520 is the 121st of the file; the batches before its batch of 16 arrived.
  assert.equal(rows, 112);
});

test('a failing read ends the process by itself (no thread left waiting)', () => {
  const script = `
    import { readDatasetInWorker } from ${JSON.stringify(new URL('../../../platform/data/read-dataset-in-worker.ts', import.meta.url).href)};
    const { stream } = await readDatasetInWorker('mixed-2.csv', { cwd: ${JSON.stringify(dir)} }, { batchRows: 16, columnTypes: { v: 'integer' } });
    try { for await (const batch of stream.batches()); } catch (e) { console.log('failed:', e.message); }
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(child.signal, null, 'the process had to be killed');
  assert.match(child.stdout, /failed: "n\/a\?" is not an integer/);
});

test('a dataset read on a worker thread arrives whole, in order, with its files', async () => {
  const { files, stream } = await readDatasetInWorker('[ab].csv', { cwd: dir }, { batchRows: 64 });
  assert.deepEqual(
    files.map((f) => f.name),
    ['a.csv', 'b.csv'],
  );
  const read = await readRows(stream);
  assert.equal(read.rows.length, 1000);
  assert.deepEqual(read.rows[7], { id: 7, x: null, c: 'c2' });
  assert.deepEqual(read.rows[999], { id: 999, x: 124.875, c: 'c4' });
  assert.deepEqual(read.offsets.slice(0, 3), [0, 64, 128]);
});

test('an error in the middle of the data reaches the consumer as the same user error', async () => {
  const { stream } = await readDatasetInWorker('late-error.csv', { cwd: dir }, { batchRows: 64 });
  await assert.rejects(
    readRows(stream),
    (e: unknown) => isUserError(e) && (e as UserError).location.line === 302,
  );
});

test('errors before the first batch cross the thread as the same user errors', async () => {
  const error = (await readDatasetInWorker('missing/*.csv', { cwd: dir }, {}).catch(
    (e: unknown) => e,
  )) as UserError;
  assert.ok(isUserError(error));
  assert.equal(error.kind, 'not-found');
  assert.match(error.message, /no file matches/);
});
