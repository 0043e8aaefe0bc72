import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitFailure, type GitLocation } from '../registry/run-git.js';

/** An object as `git cat-file --batch` answers it: its id, type and bytes. */
export interface GitObject {
  oid: string;
  type: string;
  data: Buffer;
}

/**
 * Objects of one repository through ONE long-lived `git cat-file --batch` process: a branch head
 * (`refs/heads/main^{commit}`), files (`COMMIT:path`) and trees cost git an object lookup each, not
 * a process start (on a busy 2-core machine a spawn costs Node 15–40 ms of its main thread). Refs
 * and objects are looked up afresh on every request (git rereads a loose or packed ref and rescans
 * packs for an object it does not know), so a head asked for again after a write is the new one.
 */
export interface CatFileSession {
  /** The objects `specs` name (anything `git rev-parse` understands), in order; undefined when missing. */
  read(specs: readonly string[]): Promise<(GitObject | undefined)[]>;
  /** Ends the process (it also ends by itself once idle, and never holds the Node process open). */
  close(): void;
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

interface Request {
  /** Answers still due, in order; a skipped spec (undefined) is answered without asking git. */
  specs: (string | undefined)[];
  answers: (GitObject | undefined)[];
  resolve: (objects: (GitObject | undefined)[]) => void;
  reject: (error: Error) => void;
}

/** The process and its pipes: what can hold Node's event loop open. */
const handles = (child: Child) =>
  [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[];

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/;

export function catFileSession(
  where: GitLocation,
  { timeoutMs = 60_000, idleMs = 1_000 }: { timeoutMs?: number; idleMs?: number } = {},
): CatFileSession {
  let child: Child | undefined;
  let queue: Request[] = [];
  let chunks: Buffer[] = [];
  let buffered = 0;
  let header: { oid: string; type: string; size: number } | undefined;
  let stderr = '';
  let idle: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;

  // Between requests the process neither keeps Node alive nor runs forever: handles are unreferenced
  // and an idle process is ended after idleMs; while a request waits they hold the event loop.
  const hold = (on: boolean) => {
    if (!child) return;
    for (const handle of handles(child)) {
      if (on) handle.ref();
      else handle.unref();
    }
  };

  const fail = (error: Error) => {
    const failed = queue;
    queue = [];
    chunks = [];
    buffered = 0;
    header = undefined;
    if (child) {
      child.kill();
      child = undefined;
    }
    clearTimeout(deadline);
    clearTimeout(idle);
    for (const request of failed) request.reject(error);
  };

  /** The bytes buffered so far as one Buffer (concatenated only when an answer is complete). */
  const take = (length: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, buffered);
    const taken = all.subarray(0, length);
    const rest = all.subarray(length);
    chunks = rest.length > 0 ? [rest] : [];
    buffered = rest.length;
    return taken;
  };

  /** Answers skipped specs and completed requests; true while a request still waits for git. */
  const settle = () => {
    while (queue.length > 0) {
      const request = queue[0]!;
      while (request.specs.length > 0 && request.specs[0] === undefined) {
        request.specs.shift();
        request.answers.push(undefined);
      }
      if (request.specs.length > 0) return true;
      queue.shift();
      request.resolve(request.answers);
    }
    return false;
  };

  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    for (;;) {
      if (!settle()) break;
      const request = queue[0]!;
      if (!header) {
        const at = chunks.length === 1 ? chunks[0]!.indexOf(0x0a) : Buffer.concat(chunks).indexOf(0x0a);
        if (at < 0) return;
        const line = take(at + 1)
          .subarray(0, at)
          .toString('utf8');
        const match = HEADER.exec(line);
        if (!match) {
          // `NAME missing` or `NAME ambiguous`: nothing else follows.
          request.specs.shift();
          request.answers.push(undefined);
          continue;
        }
        header = { oid: match[1]!, type: match[2]!, size: Number(match[3]) };
      }
      if (buffered < header.size + 1) return;
      const data = Buffer.from(take(header.size + 1).subarray(0, header.size));
      request.specs.shift();
      request.answers.push({ oid: header.oid, type: header.type, data });
      header = undefined;
    }
    // Nothing waits: start the idle clock.
    clearTimeout(deadline);
    hold(false);
    clearTimeout(idle);
    idle = setTimeout(() => close(), idleMs).unref();
  };

  const start = (): Child => {
    const started = spawn(
      'git',
      [...(where.gitDir ? [`--git-dir=${where.gitDir}`] : []), 'cat-file', '--batch'],
      { cwd: where.cwd, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    stderr = '';
    // A process given up on (timed out, failed) may still flush output: only the current one's counts.
    started.stdout.on('data', (chunk: Buffer) => {
      if (child === started) onData(chunk);
    });
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    started.once('error', (error) => {
      if (child === started) fail(error);
    });
    started.once('close', (code) => {
      if (child !== started) return;
      child = undefined;
      if (queue.length > 0)
        fail(new GitFailure(['cat-file', '--batch'], code, stderr || 'truncated output', ''));
    });
    started.stdin.on('error', () => {}); // a git that died is reported by 'close'
    return started;
  };

  const close = () => {
    clearTimeout(idle);
    if (!child) return;
    const ending = child;
    child = undefined;
    if (queue.length > 0) fail(new Error('git cat-file --batch: closed while reading'));
    ending.stdin.end();
    for (const handle of handles(ending)) handle.unref();
  };

  return {
    close,
    read(specs) {
      // A name with a newline cannot be asked for on a line of its own (and no ref or manifest has one).
      const asked = specs.map((s) => (/[\n\r]/.test(s) ? undefined : s));
      const lines = asked.filter((s) => s !== undefined);
      return new Promise((resolve, reject) => {
        queue.push({ specs: asked, answers: [], resolve, reject });
        if (lines.length === 0) {
          settle();
          return;
        }
        clearTimeout(idle);
        child ??= start();
        hold(true);
        clearTimeout(deadline);
        deadline = setTimeout(
          () => fail(new Error(`git cat-file --batch: no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
        child.stdin.write(lines.map((s) => `${s}\n`).join(''));
      });
    },
  };
}

/**
 * Several files of one commit through one session: undefined for a path that does not exist or is
 * not a file. Decoded per file from bytes (a BOM survives: Buffer keeps it, TextDecoder would drop it).
 */
export async function readCommitFiles(
  session: CatFileSession,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, string | undefined>> {
  const objects = await session.read(paths.map((p) => `${commit}:${p}`));
  const result = new Map<string, string | undefined>();
  paths.forEach((path, i) => {
    const object = objects[i];
    result.set(path, object?.type === 'blob' ? object.data.toString('utf8') : undefined);
  });
  return result;
}

/** Several files of one commit through ONE short-lived `git cat-file --batch` process. */
export async function catFileBatch(
  where: GitLocation,
  commit: string,
  paths: readonly string[],
  timeoutMs = 60_000,
): Promise<Map<string, string | undefined>> {
  const session = catFileSession(where, { timeoutMs });
  try {
    return await readCommitFiles(session, commit, paths);
  } finally {
    session.close();
  }
}

/**
 * Entries of a tree object (`MODE NAME\0` then the raw object id): name → mode as `git ls-tree`
 * prints it (six digits: `040000` for a tree).
 */
export function treeModes(tree: GitObject): Map<string, string> {
  const idBytes = tree.oid.length / 2;
  const modes = new Map<string, string>();
  const { data } = tree;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0x00, space);
    if (space < 0 || nul < 0) break;
    modes.set(
      data.subarray(space + 1, nul).toString('utf8'),
      data.subarray(at, space).toString('ascii').padStart(6, '0'),
    );
    at = nul + 1 + idBytes;
  }
  return modes;
}
