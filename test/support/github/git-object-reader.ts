import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { countGitProcess, gitProcesses } from './git-processes.js';

/** An object's header as `cat-file` gives it. */
export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}

interface Waiting {
  contents: boolean;
  resolve: (value: { info: ObjectInfo; content?: Buffer } | undefined) => void;
  reject: (error: Error) => void;
}

/** A child's pipes are sockets: unreferenced, an idle reader does not keep the process running. */
const pipes = (child: ChildProcessWithoutNullStreams) =>
  [child.stdin, child.stdout, child.stderr] as unknown as Socket[];

const HEADER = /^([0-9a-f]{40}) (\w+) (\d+)$/;

/**
 * One long-lived `git cat-file --batch-command` per repository, answering `info` and `contents`
 * requests in order: a git process per object read cost the stand-in a process start (tens of
 * milliseconds of a busy machine's CPU, with the event loop blocked in spawn) on nearly every API
 * call. Names are resolved by git itself on every request (loose refs are re-read, packed-refs is
 * re-read when it changed on disk), so a ref moved by another process is seen as `rev-parse` sees it.
 * The process is started on first use, restarted after a failure, and never keeps Node alive while
 * idle.
 */
export class GitObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly waiting: Waiting[] = [];
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly dir: string) {}

  /** The object's id, type and size; undefined when `spec` names nothing. */
  async info(spec: string): Promise<ObjectInfo | undefined> {
    return (await this.ask(spec, false))?.info;
  }

  /** The object with its bytes; undefined when `spec` names nothing. */
  async contents(spec: string): Promise<{ info: ObjectInfo; content: Buffer } | undefined> {
    const found = await this.ask(spec, true);
    return found ? { info: found.info, content: found.content ?? Buffer.alloc(0) } : undefined;
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    child.stdin.end();
    child.kill();
    this.fail(new Error('the object reader was closed'));
  }

  private ask(spec: string, contents: boolean) {
    // One name per line: a name with a line break would be two requests.
    if (spec === '' || /[\n\r]/.test(spec)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise<{ info: ObjectInfo; content?: Buffer } | undefined>((resolve, reject) => {
      if (this.waiting.length === 0) pipes(child).forEach((p) => p.ref());
      this.waiting.push({ contents, resolve, reject });
      child.stdin.write(`${contents ? 'contents' : 'info'} ${spec}\n`);
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    countGitProcess('cat-file --batch-command');
    const child = spawn('git', ['cat-file', '--batch-command'], {
      cwd: this.dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    if (child.pid) gitProcesses.helpers.add(child.pid);
    this.buffered = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    child.stderr.resume();
    child.stdin.on('error', () => {}); // the exit below reports it
    const ended = (why: string) => {
      if (child.pid) gitProcesses.helpers.delete(child.pid);
      if (this.child !== child) return;
      this.child = undefined;
      this.fail(new Error(`git cat-file --batch-command in ${this.dir} ${why}`));
    };
    child.once('error', (error) => ended(String(error)));
    child.once('close', (code) => ended(`exited with ${code}`));
    child.unref();
    pipes(child).forEach((p) => p.unref());
    return child;
  }

  private fail(error: Error) {
    for (const w of this.waiting.splice(0)) w.reject(error);
  }

  private read(chunk: Buffer) {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.waiting.length > 0) {
      const end = this.buffered.indexOf(0x0a);
      if (end === -1) return;
      const header = HEADER.exec(this.buffered.subarray(0, end).toString('utf8'));
      const next = this.waiting[0]!;
      if (!header) {
        // `<name> missing` or `<name> ambiguous`
        this.buffered = this.buffered.subarray(end + 1);
        this.waiting.shift();
        next.resolve(undefined);
        continue;
      }
      const info = { oid: header[1]!, type: header[2]!, size: Number(header[3]) };
      if (!next.contents) {
        this.buffered = this.buffered.subarray(end + 1);
        this.waiting.shift();
        next.resolve({ info });
        continue;
      }
      // The contents, then a line feed.
      if (this.buffered.length < end + 1 + info.size + 1) return;
      const content = Buffer.from(this.buffered.subarray(end + 1, end + 1 + info.size));
      this.buffered = this.buffered.subarray(end + 1 + info.size + 1);
      this.waiting.shift();
      next.resolve({ info, content });
    }
    if (this.waiting.length === 0 && this.child) pipes(this.child).forEach((p) => p.unref());
  }
}
