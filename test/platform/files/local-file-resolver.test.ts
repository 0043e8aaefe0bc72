import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isUserError, type UserError } from '../../../core/errors.js';
import { LocalFileResolver } from '../../../platform/files/local-file-resolver.js';

const dir = mkdtempSync(join(tmpdir(), 'modelship-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'data/2026'), { recursive: true });
writeFileSync(join(dir, 'data/b.csv'), 'x\n2\n');
writeFileSync(join(dir, 'data/a.csv'), 'x\n1\n');
writeFileSync(join(dir, 'data/2026/c.csv.gz'), gzipSync('x\n3\n'));
const resolver = new LocalFileResolver({ cwd: dir });
const text = async (chunks: AsyncIterable<Uint8Array>) => {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
};

test('a path resolves to one file named relative to the base directory', async () => {
  const [file, ...rest] = await resolver.resolve('data/a.csv');
  assert.equal(rest.length, 0);
  assert.equal(file!.name, 'data/a.csv');
  assert.equal(file!.size, 4);
  assert.equal(await text(file!.stream()), 'x\n1\n');
  assert.deepEqual([...(await file!.read(2, 4))], [...Buffer.from('1\n')]);
});

test('globs resolve sorted; .gz files stream decompressed', async () => {
  const files = await resolver.resolve('data/**/*.csv*');
  assert.deepEqual(
    files.map((f) => f.name),
    ['data/2026/c.csv.gz', 'data/a.csv', 'data/b.csv'],
  );
  assert.equal(await text(files[0]!.stream()), 'x\n3\n');
});

test('missing files, empty globs and directories are not-found errors naming them', async () => {
  for (const [location, message] of [
    ['data/nope.csv', /no such file/],
    ['data/*.parquet', /no file matches data\/\*\.parquet/],
    ['data', /is a directory/],
  ] as const) {
    const error = (await resolver.resolve(location).catch((e: unknown) => e)) as UserError;
    assert.equal(error.kind, 'not-found', location);
    assert.equal(error.location.file, location);
    assert.match(error.message, message);
  }
});

test('inWorkspace follows the workspace it is given', async () => {
  const resolver = new LocalFileResolver({ cwd: dir, workspace: join(dir, 'data/2026') });
  const files = await resolver.resolve('data/**/*.csv*');
  assert.deepEqual(
    files.map((f) => f.inWorkspace),
    [true, false, false],
  );
});

test('a truncated or corrupt .gz file is a data error naming it, not an unexpected error', async () => {
  const whole = gzipSync(Array.from({ length: 50_000 }, (_, i) => `${i}\n`).join(''));
  writeFileSync(join(dir, 'cut.csv.gz'), whole.subarray(0, whole.length >> 1));
  writeFileSync(join(dir, 'plain.csv.gz'), 'x\n1\n');
  for (const [name, message] of [
    ['cut.csv.gz', /the gzip data ends too early \(unexpected end of file\): the file looks truncated/],
    ['plain.csv.gz', /not valid gzip data \(incorrect header check\): it looks corrupt/],
  ] as const) {
    const [file] = await resolver.resolve(name);
    const error = (await text(file!.stream()).catch((e: unknown) => e)) as UserError;
    assert.ok(isUserError(error), String(error));
    assert.equal(error.kind, 'data');
    assert.deepEqual(error.location, { file: name });
    assert.match(error.message, message);
  }
});

test('a pipe or a device is named for what it is, not called a directory', async () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  for (const [location, message] of [
    [fifo, /^is a pipe, not a regular file: .*save the data to a file/],
    ['/dev/null', /^is a device \(like \/dev\/null\), not a regular file/],
  ] as const) {
    const error = (await resolver.resolve(location).catch((e: unknown) => e)) as UserError;
    assert.ok(isUserError(error), String(error));
    assert.equal(error.kind, 'input');
    assert.equal(error.location.file, location);
    assert.match(error.message, message);
  }
});

test('a glob through a symbolic link loop or a second name reads each file once', async () => {
  mkdirSync(join(dir, 'loop/d'), { recursive: true });
  writeFileSync(join(dir, 'loop/d/x.csv'), 'x\n1\n');
  symlinkSync('..', join(dir, 'loop/d/up')); // loop/d/up/d/up/… is loop/d again
  symlinkSync('d', join(dir, 'loop/alias'));
  symlinkSync('x.csv', join(dir, 'loop/d/link.csv'));
  const files = await resolver.resolve('loop/**/*.csv');
  assert.deepEqual(
    files.map((f) => f.name),
    ['loop/d/x.csv'],
  );
});
