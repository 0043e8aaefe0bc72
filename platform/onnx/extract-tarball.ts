import { createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

/**
 * Extracts the entries of a gzipped tar file (an npm package tarball) that `keep` accepts, under
 * `dest`, in one streamed pass: npm's tarballs hold every platform's native files, and a runner
 * needs one platform's. Entries are named as in the tarball without its first folder (`package/`).
 * Regular files only (npm packages hold nothing else that matters); paths that would leave `dest`
 * are refused.
 */
export async function extractTarball(
  file: string,
  dest: string,
  keep: (path: string) => boolean,
): Promise<string[]> {
  const written: string[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let entry: { path: string; remaining: number; padding: number; handle?: FileHandle } | undefined;
  let longName: string | undefined;
  let pax: Buffer | undefined;
  let collecting: { kind: 'pax' | 'long'; remaining: number; padding: number } | undefined;

  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    buffer = buffer.length === 0 ? (chunk as Buffer) : Buffer.concat([buffer, chunk as Buffer]);
    for (;;) {
      if (entry) {
        const take = Math.min(entry.remaining, buffer.length);
        if (take > 0 && entry.handle) await entry.handle.write(buffer.subarray(0, take));
        buffer = buffer.subarray(take);
        entry.remaining -= take;
        if (entry.remaining > 0) break;
        if (buffer.length < entry.padding) break;
        buffer = buffer.subarray(entry.padding);
        await entry.handle?.close();
        entry = undefined;
        continue;
      }
      if (collecting) {
        if (buffer.length < collecting.remaining + collecting.padding) break;
        const data = buffer.subarray(0, collecting.remaining);
        buffer = buffer.subarray(collecting.remaining + collecting.padding);
        if (collecting.kind === 'pax') pax = Buffer.from(data);
        else longName = data.toString('utf8').replace(/\0.*$/s, '');
        collecting = undefined;
        continue;
      }
      if (buffer.length < BLOCK) break;
      const header = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (header.every((b) => b === 0)) continue; // end-of-archive blocks
      const size = octal(header.subarray(124, 136));
      const type = String.fromCharCode(header[156]!);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (type === 'x' || type === 'L') {
        collecting = { kind: type === 'x' ? 'pax' : 'long', remaining: size, padding };
        continue;
      }
      const prefix = cString(header.subarray(345, 500));
      const name =
        longName ??
        paxPath(pax) ??
        (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
      longName = undefined;
      pax = undefined;
      const path = name.split('/').slice(1).join('/'); // without `package/`
      const regular = type === '0' || type === '\0' || type === '7';
      let handle: FileHandle | undefined;
      if (regular && path && keep(path)) {
        const target = normalize(join(dest, path));
        if (!target.startsWith(normalize(dest) + sep))
          throw new Error(`the tarball entry ${name} leaves its folder`);
        await mkdir(dirname(target), { recursive: true });
        const mode = octal(header.subarray(100, 108)) & 0o777;
        handle = await open(target, 'w', mode | 0o600);
        written.push(path);
      }
      entry = { path, remaining: size, padding, ...(handle ? { handle } : {}) };
    }
  }
  if (entry || collecting) throw new Error('the tarball ends in the middle of a file');
  return written;
}

function octal(field: Buffer): number {
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

/** The `path` record of a PAX extended header (`<length> path=<value>\n`). */
function paxPath(pax: Buffer | undefined): string | undefined {
  if (!pax) return undefined;
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(pax.toString('utf8'));
  return match?.[1];
}
