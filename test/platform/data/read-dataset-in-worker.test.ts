import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError, type UserError } from '../../../core/errors.js';
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

test('a dataset read on a worker thread arrives whole, in order, with its files', async () => {
  const { files, stream } = await readDatasetInWorker('[ab].csv', dir, { batchRows: 64 });
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
  const { stream } = await readDatasetInWorker('late-error.csv', dir, { batchRows: 64 });
  await assert.rejects(
    readRows(stream),
    (e: unknown) => isUserError(e) && (e as UserError).location.line === 302,
  );
});

test('errors before the first batch cross the thread as the same user errors', async () => {
  const error = (await readDatasetInWorker('missing/*.csv', dir, {}).catch((e: unknown) => e)) as UserError;
  assert.ok(isUserError(error));
  assert.equal(error.kind, 'not-found');
  assert.match(error.message, /no file matches/);
});
