import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { ReportWriter } from '../../jobs/ports/report-writer.js';

/**
 * Reports on the local disk, relative to `cwd`. A report never replaces an input: two paths are the
 * same file when their real paths are equal (symlinks and `..` resolved) or, for a target that
 * exists, when device and inode are equal (hard links). Written into a sibling temporary file, then
 * renamed over the target: a reader never sees half a report, and a failure leaves no temporary file.
 */
export function reportFiles(cwd: string): ReportWriter {
  return {
    async check(path, inputs) {
      const target = resolve(cwd, path);
      await refuseNonFile(path, target);
      const targetKey = await identity(target);
      for (const input of inputs) {
        // An object in S3 is never a local file a report could land on.
        if (input.startsWith('s3://')) continue;
        const key = await identity(resolve(cwd, input));
        if (key.real === targetKey.real || (key.inode !== undefined && key.inode === targetKey.inode))
          throw new UserError(
            'usage',
            `the report would overwrite the input ${input}: choose another path for the report`,
            { file: path },
          );
      }
    },
    async write(path, content) {
      const target = resolve(cwd, path);
      await refuseNonFile(path, target);
      await mkdir(dirname(target), { recursive: true }).catch((error: unknown) => {
        throw notWritable(path, error);
      });
      const temp = resolve(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(temp, content);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw notWritable(path, error);
      }
      return target;
    },
  };
}

/** A directory, or a path under a file, cannot take a report. */
async function refuseNonFile(path: string, target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory())
    throw new UserError('usage', 'is a directory: give the report a file name', { file: path });
  if (info !== undefined && !info.isFile())
    throw new UserError('usage', 'is not a regular file: give the report a file name', { file: path });
  for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
    const above = await stat(dir).catch(() => undefined);
    if (above === undefined) continue;
    if (!above.isDirectory())
      throw new UserError('usage', `cannot be written: ${dir} is a file, not a directory`, { file: path });
    return;
  }
}

/** The real path of a file (of its nearest existing parent, for one not yet written) and its inode. */
async function identity(path: string): Promise<{ real: string; inode?: string }> {
  const info = await stat(path).catch(() => undefined);
  if (info !== undefined) return { real: await realpath(path), inode: `${info.dev}:${info.ino}` };
  const parent = dirname(path);
  if (parent === path) return { real: path };
  return { real: resolve((await identity(parent)).real, basename(path)) };
}

function notWritable(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
  return new UserError('input', `the report cannot be written: ${reason}`, { file: path });
}
