import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

/**
 * Writes a git object the way git does (a zlib-deflated `type size\0content` under
 * objects/xx/yyyy…), without starting a git process: a tree of a hundred files is one spawn fewer
 * per file, which is what keeps twenty concurrent clients from queueing behind process start-up.
 * Written to a temporary name and renamed, so a reader never sees half an object.
 */
export async function writeLooseObject(
  gitDir: string,
  type: 'blob' | 'tree' | 'commit' | 'tag',
  content: Buffer,
): Promise<string> {
  const header = Buffer.from(`${type} ${content.length}\0`);
  const sha = createHash('sha1').update(header).update(content).digest('hex');
  const dir = join(gitDir, 'objects', sha.slice(0, 2));
  const path = join(dir, sha.slice(2));
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) return sha;
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `tmp_obj_${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, await deflateAsync(Buffer.concat([header, content])), { mode: 0o444 });
  await rename(temporary, path);
  return sha;
}

/**
 * A tree object's bytes: entries `mode name\0<20-byte sha>`, sorted as git sorts them (a
 * directory's name compares as if it ended in '/'), modes without leading zeros.
 */
export function treeObject(entries: { mode: string; name: string; sha: string }[]): Buffer {
  const key = (e: { mode: string; name: string }) =>
    e.mode === '040000' || e.mode === '40000' ? `${e.name}/` : e.name;
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b))));
  return Buffer.concat(
    sorted.flatMap((e) => [
      Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`),
      Buffer.from(e.sha, 'hex'),
    ]),
  );
}
