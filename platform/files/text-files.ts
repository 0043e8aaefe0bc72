import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { TextFiles } from '../../jobs/ports/text-files.js';

/** Small UTF-8 inputs (checks files) on the local disk, relative to `cwd`. */
export function localTextFiles(cwd: string): TextFiles {
  return {
    async read(path, what) {
      try {
        return await readFile(resolve(cwd, path), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UserError('not-found', `${what} not found`, { file: path });
        if (code === 'EISDIR') throw new UserError('input', `is a directory, not a ${what}`, { file: path });
        if (code === 'EACCES')
          throw new UserError('access', `${what} cannot be read: permission denied`, { file: path });
        throw error;
      }
    },
  };
}
