import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Writes a report so that a reader never sees half of it: into a sibling temp file, then renamed
 * over the target (atomic on one filesystem). Relative paths resolve against `cwd`.
 */
export async function writeFileAtomic(path: string, content: string, cwd: string): Promise<string> {
  const target = resolve(cwd, path);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, target);
  return target;
}
