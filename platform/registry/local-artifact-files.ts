import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from '../../core/errors.js';
import type { ArtifactFiles, LocalArtifact } from '../../jobs/register/register-ports.js';

/** The sha256 of a file, streamed (models are large; nothing sits in memory). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * GitHub renames asset names with characters outside a safe set; registering under the name GitHub
 * will show keeps the tag's record, the asset and a re-run's lookup in agreement.
 */
export const artifactName = (path: string) =>
  basename(path)
    .replace(/[^\w.+@-]/g, '.')
    .replace(/^\.+|\.+$/g, '');

/**
 * Model files on this machine (paths and globs relative to `cwd`), and scratch files for what the
 * registration writes itself. `close()` removes the scratch directory.
 */
export function localArtifactFiles(cwd: string): ArtifactFiles & { close(): Promise<void> } {
  let scratch: string | undefined;
  const describeFile = async (path: string, name = artifactName(path)): Promise<LocalArtifact> => ({
    name,
    path,
    size: (await stat(path)).size,
    sha256: await sha256File(path),
  });
  return {
    async describe(patterns) {
      const paths: string[] = [];
      for (const pattern of patterns) {
        if (isDynamicPattern(pattern)) {
          const found = await glob(pattern, {
            cwd,
            absolute: true,
            onlyFiles: true,
            expandDirectories: false,
          });
          if (found.length === 0)
            throw new UserError('not-found', `no model file matches ${pattern}`, { file: pattern });
          paths.push(...found.sort());
          continue;
        }
        const path = resolve(cwd, pattern);
        const info = await stat(path).catch(() => undefined);
        if (!info) throw new UserError('not-found', 'no such model file', { file: pattern });
        if (!info.isFile())
          throw new UserError(
            'input',
            'not a regular file (give the model file, or a glob such as dir/*.onnx)',
            {
              file: pattern,
            },
          );
        paths.push(path);
      }
      const unique = [...new Set(paths)];
      const byName = new Map<string, string>();
      for (const path of unique) {
        const name = artifactName(path);
        const other = byName.get(name);
        if (other)
          throw new UserError(
            'input',
            `two model files would be registered under the same name ${name}: ${other} and ${path}; rename one`,
            { file: path },
          );
        if (['model-card.json', 'metrics.json'].includes(name))
          throw new UserError(
            'input',
            `${name} is the name of a file the registration writes itself; rename the model file`,
            {
              file: path,
            },
          );
        byName.set(name, path);
      }
      return Promise.all(unique.map((path) => describeFile(path)));
    },

    async writeText(name, text) {
      scratch ??= await mkdtemp(join(tmpdir(), 'modelship-register-'));
      const path = join(scratch, name);
      await writeFile(path, text);
      return describeFile(path, name);
    },

    async hashIfLocal(location) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return undefined;
      const path = resolve(cwd, location);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      return sha256File(path);
    },

    async close() {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}
