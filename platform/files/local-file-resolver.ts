import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from '../../core/errors.js';
import type { DataFile, FileResolver } from '../../core/ports.js';
import { gunzipChunks } from './gunzip-chunks.js';

const CHUNK_BYTES = 1 << 20;

/** Local paths and globs (`data/*.csv`, `data/**\/*.parquet`), relative to a base directory. */
export class LocalFileResolver implements FileResolver {
  private readonly cwd: string;
  private readonly workspace: string;

  /** `workspace`: the repository checkout; files inside it can be annotated (default: `cwd`). */
  constructor(options: { cwd: string; workspace?: string }) {
    this.cwd = resolve(options.cwd);
    this.workspace = resolve(this.cwd, options.workspace ?? this.cwd);
  }

  async resolve(location: string): Promise<DataFile[]> {
    if (isDynamicPattern(location)) {
      const paths = await glob(location, {
        cwd: this.cwd,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
      });
      if (paths.length === 0)
        throw new UserError('not-found', `no file matches ${location}`, { file: location });
      return Promise.all((await distinctFiles(paths, this.cwd)).map((path) => this.file(path)));
    }
    const path = resolve(this.cwd, location);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new UserError('not-found', 'no such file', { file: location });
    if (info.isDirectory())
      throw new UserError('not-found', 'is a directory, not a data file (use a glob such as dir/*.csv)', {
        file: location,
      });
    if (!info.isFile()) throw new UserError('input', notRegularFile(info), { file: location });
    return [await this.file(path, info.size)];
  }

  private async file(path: string, size?: number): Promise<DataFile> {
    const shown = relative(this.cwd, path);
    const name = shown.startsWith('..') || isAbsolute(shown) ? path : shown.split(sep).join('/');
    const inWorkspace = !relative(this.workspace, path).startsWith('..');
    return {
      name,
      size: size ?? (await stat(path)).size,
      inWorkspace,
      stream: () => {
        const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
        return path.endsWith('.gz') ? gunzipChunks(raw, name, CHUNK_BYTES) : raw;
      },
      read: async (start, end) => {
        const handle = await open(path, 'r');
        try {
          const bytes = new Uint8Array(end - start);
          let done = 0;
          while (done < bytes.length) {
            const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
            if (bytesRead === 0) break;
            done += bytesRead;
          }
          return bytes.subarray(0, done);
        } finally {
          await handle.close();
        }
      },
    };
  }
}

/**
 * Why a path that is neither a file nor a directory is not a data file, in its own words. A pipe (`--data /dev/stdin` under `cat x |`, a FIFO) is refused rather than read: a dataset may be
 * read more than once (a drift report, a worker reopening the file) and a pipe yields its data once.
 */
function notRegularFile(info: Stats): string {
  if (info.isFIFO() || info.isSocket())
    return 'is a pipe, not a regular file: a dataset may be read more than once and a pipe yields its data only once; save the data to a file (e.g. … > data.csv) and pass that';
  if (info.isCharacterDevice() || info.isBlockDevice())
    return 'is a device (like /dev/null), not a regular file: it holds no data file to read; pass a CSV, JSON Lines or Parquet file';
  return 'is not a regular file: pass a CSV, JSON Lines or Parquet file';
}

/**
 * The matched paths, sorted, one per real file. Globs follow symbolic links, so a link back up the
 * tree (`data/self -> ..`) or a second name for a directory matches the same file again, and its
 * rows would be read twice. Of the names of one file, the one without links wins, else the first.
 */
async function distinctFiles(paths: string[], cwd: string): Promise<string[]> {
  const sorted = [...paths].sort();
  const reals = await Promise.all(sorted.map((path) => realpath(path)));
  // Compared below the base directory, which may itself be reached through a link (/tmp on macOS).
  const realCwd = await realpath(cwd);
  const chosen = new Map<string, string>();
  sorted.forEach((path, i) => {
    const real = reals[i]!;
    if (!chosen.has(real) || relative(cwd, path) === relative(realCwd, real)) chosen.set(real, path);
  });
  return [...chosen.values()].sort();
}
