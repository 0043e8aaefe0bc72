import { spawn } from 'node:child_process';
import type { GitLocation } from '../registry/run-git.js';

/**
 * Several files of one commit through ONE `git cat-file --batch` process: each path costs git an
 * object lookup, not a process start. Output sizes are in bytes, so the answer is read as bytes and
 * decoded per file (a BOM survives: Buffer keeps it, TextDecoder would drop it).
 * Undefined for a path that does not exist or is not a file.
 */
export function catFileBatch(
  where: GitLocation,
  commit: string,
  paths: readonly string[],
  timeoutMs = 60_000,
): Promise<Map<string, string | undefined>> {
  const result = new Map<string, string | undefined>();
  // A name with a newline cannot be asked for on a line of its own (and no manifest has one).
  const asked = paths.filter((p) => !/[\n\r]/.test(p));
  for (const path of paths) result.set(path, undefined);
  if (asked.length === 0) return Promise.resolve(result);
  return new Promise((resolve, reject) => {
    const child = spawn(
      'git',
      [...(where.gitDir ? [`--git-dir=${where.gitDir}`] : []), 'cat-file', '--batch'],
      { cwd: where.cwd, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs },
    );
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch exited with ${code}: ${stderr.trim()}`));
      const data = Buffer.concat(out);
      let at = 0;
      for (const path of asked) {
        const end = data.indexOf(0x0a, at);
        if (end < 0) return reject(new Error('git cat-file --batch: truncated output'));
        const header = data.subarray(at, end).toString('utf8');
        at = end + 1;
        const parts = header.split(' ');
        if (parts.at(-1) === 'missing' || parts.at(-1) === 'ambiguous') continue;
        const size = Number(parts[2]);
        if (parts[1] === 'blob') result.set(path, data.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
      resolve(result);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(asked.map((p) => `${commit}:${p}\n`).join(''));
  });
}
