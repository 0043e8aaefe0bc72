import { readFile as readFileCallback } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidRefName } from './git-ref-name.js';

/**
 * Every ref under `refs/` with the object it names, read from the bare repository's files as git's
 * files backend stores them (loose ref files, then `packed-refs`; a loose ref wins), sorted by name
 * as `for-each-ref` sorts. No git process: every webhook-observed request lists its repository's
 * refs twice (before and after its change), which was two process starts per call.
 * `packed-refs` is read last, so a ref that `pack-refs` moves from its loose file into it while we
 * read is still found (git writes `packed-refs` before it deletes the loose file).
 */
export async function readRefs(gitDir: string): Promise<{ refs: Map<string, string>; loose: number }> {
  const loose = new Map<string, string>();
  const symbolic: [string, string][] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(gitDir, relative), { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const name = `${relative}/${entry.name}`;
        if (entry.isDirectory()) return walk(name);
        if (!entry.isFile() || !isValidRefName(name)) return; // `*.lock` files of a write in progress
        const text = await readFile(join(gitDir, name)).catch(() => undefined);
        const value = text?.trim();
        if (!value) return;
        if (value.startsWith('ref: ')) symbolic.push([name, value.slice(5)]);
        else if (/^[0-9a-f]{40}$/.test(value)) loose.set(name, value);
      }),
    );
  };
  await walk('refs');
  const packed = await readFile(join(gitDir, 'packed-refs')).catch(() => '');
  const refs = new Map<string, string>();
  for (const line of packed.split('\n')) {
    const match = /^([0-9a-f]{40}) (refs\/.+)$/.exec(line);
    if (match) refs.set(match[2]!, match[1]!);
  }
  for (const [name, sha] of loose) refs.set(name, sha);
  for (const [name, target] of symbolic) {
    const sha = refs.get(target);
    if (sha) refs.set(name, sha);
  }
  return {
    refs: new Map([...refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    loose: loose.size + symbolic.length,
  };
}

/** fs.readFile with a callback: about half the work of the FileHandle-based promise version. */
const readFile = (path: string) =>
  new Promise<string>((resolve, reject) =>
    readFileCallback(path, 'utf8', (error, text) => (error ? reject(error) : resolve(text))),
  );

/**
 * Whether `ref` is listed by `for-each-ref <pattern>` for a literal pattern: the pattern matches
 * the whole name or its beginning up to a slash.
 */
export function matchesRefPattern(ref: string, pattern: string): boolean {
  if (pattern.endsWith('/')) return ref.startsWith(pattern);
  return ref === pattern || ref.startsWith(`${pattern}/`);
}
