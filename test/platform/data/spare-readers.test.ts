import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createInterface } from 'node:readline';
import { isUserError, type UserError } from '../../../core/errors.js';
import { readDatasetInWorker } from '../../../platform/data/read-dataset-in-worker.js';
import { startSpareReaders, waitingSpares } from '../../../platform/data/spare-readers.js';
import { readRows } from '../../support/read-rows.js';
import { PYTHON } from '../../support/scipy.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-spare-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'a.csv'),
  ['id,x', ...Array.from({ length: 500 }, (_, i) => `${i},${i / 4}`)].join('\n'),
);
type Rows = Awaited<ReturnType<typeof readRows>>;
const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);

// The kernel's word (inotify IN_CLOSE_NOWRITE) that a reader has read a file and closed it: when a
// spare is done opening ahead, without guessing how long that takes. Node's fs.watch does not
// report opens and closes; Python's ctypes reaches inotify directly.
const WATCH_CLOSE = `
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init()
if libc.inotify_add_watch(fd, sys.argv[1].encode(), 0x10) < 0: sys.exit(os.strerror(ctypes.get_errno()))
print('watching', flush=True)
os.read(fd, 4096)
print('closed', flush=True)
`;
async function watchClose(path: string): Promise<{ closed: Promise<void> }> {
  const watcher = spawn(PYTHON, ['-c', WATCH_CLOSE, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  after(() => watcher.kill());
  const lines = createInterface({ input: watcher.stdout })[Symbol.asyncIterator]();
  assert.equal((await lines.next()).value, 'watching');
  // Wrapped: an async function returning a promise would wait for it.
  return { closed: lines.next().then(({ value }) => assert.equal(value, 'closed')) };
}

test('readers started ahead of need are the ones that read, and read the same', async () => {
  startSpareReaders(2);
  assert.equal(waitingSpares(), 2);
  const read = async () =>
    readRows((await readDatasetInWorker('a.csv', { cwd: dir }, { batchRows: 64 })).stream);
  const reads = [read(), read(), read()];
  // Taken as the reads started: a spare nobody takes would still be waiting.
  assert.equal(waitingSpares(), 0, 'the two spares were taken by the first two readers');
  const [first, second, third] = (await Promise.all(reads)) as [Rows, Rows, Rows];
  assert.equal(first.rows.length, 500);
  assert.deepEqual(second, first);
  assert.deepEqual(third, first);
  assert.deepEqual(first.rows[499], { id: 499, x: 124.75 });
});

test(
  'a spare told where the data is opens it ahead, and the job reads what it opened',
  { timeout: 30_000 },
  async () => {
    writeFileSync(join(dir, 'ahead.csv'), 'id,x\n1,2\n3,4\n');
    const { closed } = await watchClose(join(dir, 'ahead.csv'));
    startSpareReaders(1, { location: 'ahead.csv', cwd: dir, options: {} });
    // Once the spare has opened the file (a small file is read whole on opening), it is gone: only
    // a job that uses what the spare opened can still read it.
    await closed;
    rmSync(join(dir, 'ahead.csv'));
    const { stream } = await readDatasetInWorker('ahead.csv', { cwd: dir }, { columns: ['x'] });
    // The decoder applies the job's own options: only x is decoded.
    assert.deepEqual((await readRows(stream)).rows, [
      { id: null, x: 2 },
      { id: null, x: 4 },
    ]);
  },
);

test('a spare that opened other data (or read it otherwise) leaves the job to open its own', async () => {
  writeFileSync(join(dir, 'b.csv'), 'id;x\n1;2\n');
  startSpareReaders(1, { location: 'a.csv', cwd: dir, options: {} });
  const other = await readRows(
    (await readDatasetInWorker('b.csv', { cwd: dir }, { csv: { delimiter: ';' } })).stream,
  );
  assert.deepEqual(other.rows, [{ id: 1, x: 2 }]);
  startSpareReaders(1, { location: 'b.csv', cwd: dir, options: {} });
  const sameFileOtherDelimiter = await readRows(
    (await readDatasetInWorker('b.csv', { cwd: dir }, { csv: { delimiter: ';' } })).stream,
  );
  assert.deepEqual(sameFileOtherDelimiter.rows, [{ id: 1, x: 2 }]);
});

test('what opening ahead fails on is the error of the job that reads that data', async () => {
  startSpareReaders(1, { location: 'missing.csv', cwd: dir, options: {} });
  const error = await readDatasetInWorker('missing.csv', { cwd: dir }, {}).catch((e: unknown) => e);
  assert.ok(isUserError(error));
  assert.equal((error as UserError).kind, 'not-found');
});

test('a spare that failed to open its guess still serves a job reading other data', async () => {
  startSpareReaders(1, { location: 'missing.csv', cwd: dir, options: {} });
  const { rows } = await readRows((await readDatasetInWorker('a.csv', { cwd: dir }, {})).stream);
  assert.equal(rows.length, 500);
});

test('JSON Lines opened ahead is opened again: its reader applies the types of the job itself', async () => {
  writeFileSync(join(dir, 'c.jsonl'), '{"z": 1}\n{"z": 2}\n');
  startSpareReaders(1, { location: 'c.jsonl', cwd: dir, options: {} });
  const { stream } = await readDatasetInWorker('c.jsonl', { cwd: dir }, { columnTypes: { z: 'string' } });
  assert.deepEqual((await readRows(stream)).rows, [{ z: '1' }, { z: '2' }]);
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
