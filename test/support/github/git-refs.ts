import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isValidRefName } from './git-ref-name.js';

/**
 * Every ref under `refs/` with the object it names, read from the bare repository's files as git's
 * files backend stores them (loose ref files, then `packed-refs`; a loose ref wins), sorted by name
 * as `for-each-ref` sorts. No git process: every webhook-observed request lists its repository's
 * refs twice (before and after its change), which was two process starts per call.
 * `packed-refs` is read last, so a ref that `pack-refs` moves from its loose file into it while we
 * read is still found (git writes `packed-refs` before it deletes the loose file).
 * The files are read synchronously: each is a few dozen bytes in the page cache, and the
 * asynchronous reads' thread-pool round trips (open, stat, read, close) were a quarter of the
 * stand-in's CPU under twenty concurrent clients; the whole listing takes well under a millisecond.
 */
export async function readRefs(gitDir: string): Promise<{ refs: Map<string, string>; loose: number }> {
  const loose = new Map<string, string>();
  const symbolic: [string, string][] = [];
  const walk = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(gitDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(name);
      if (!entry.isFile() || !isValidRefName(name)) continue; // `*.lock` files of a write in progress
      const value = readFile(join(gitDir, name))?.trim();
      if (!value) continue;
      if (value.startsWith('ref: ')) symbolic.push([name, value.slice(5)]);
      else if (/^[0-9a-f]{40}$/.test(value)) loose.set(name, value);
    }
  };
  walk('refs');
  const packed = readFile(join(gitDir, 'packed-refs')) ?? '';
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

/** A file's text; undefined when it is gone (a ref deleted or packed while listed). */
function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether `ref` is listed by `for-each-ref <pattern>` for a literal pattern: the pattern matches
 * the whole name or its beginning up to a slash.
 */
export function matchesRefPattern(ref: string, pattern: string): boolean {
  if (pattern.endsWith('/')) return ref.startsWith(pattern);
  return ref === pattern || ref.startsWith(`${pattern}/`);
}
