import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { GitCommandError } from './git-command-error.js';
import { countGitProcess, gitProcesses } from './git-processes.js';

const pipes = (child: ChildProcessWithoutNullStreams) =>
  [child.stdin, child.stdout, child.stderr] as unknown as Socket[];

/**
 * Ref updates of one repository through one long-lived `git update-ref -z --stdin`, one transaction
 * (`start`, the update, `commit`) at a time: the same compare-and-swap as `git update-ref <ref>
 * <new> <old>`, without a process per update. A transaction git refuses (the ref moved, a lock held)
 * ends the process with `fatal: …`; that update fails with a GitCommandError as the one-shot command
 * would, and the next update starts a new process.
 */
export class GitRefUpdater {
  private child: ChildProcessWithoutNullStreams | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private current: { args: string[]; resolve: () => void; reject: (e: Error) => void } | undefined;
  private stderr = '';
  private stdout = '';

  constructor(private readonly dir: string) {}

  /**
   * Runs one transaction of `command`'s NUL-separated fields (`update <ref>`, new, old; or
   * `delete <ref>`, old); `args` are the equivalent command line, for errors.
   */
  run(args: string[], command: string[]): Promise<void> {
    const transaction = this.turn.then(() => this.transact(args, command));
    this.turn = transaction.catch(() => {});
    return transaction;
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    child?.stdin.end();
    child?.kill();
  }

  private transact(args: string[], command: string[]): Promise<void> {
    const child = this.start();
    this.stderr = '';
    return new Promise<void>((resolve, reject) => {
      this.current = { args, resolve, reject };
      pipes(child).forEach((p) => p.ref());
      child.stdin.write(`start\0${command.map((field) => `${field}\0`).join('')}commit\0`);
    });
  }

  private settle(error?: Error) {
    const current = this.current;
    this.current = undefined;
    if (this.child) pipes(this.child).forEach((p) => p.unref());
    if (!current) return;
    if (error) current.reject(error);
    else current.resolve();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    countGitProcess('update-ref --stdin');
    const child = spawn('git', ['update-ref', '-z', '--stdin'], {
      cwd: this.dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.stdout = '';
    if (child.pid) gitProcesses.helpers.add(child.pid);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.stdout += chunk;
      let end: number;
      while ((end = this.stdout.indexOf('\n')) !== -1) {
        const line = this.stdout.slice(0, end);
        this.stdout = this.stdout.slice(end + 1);
        if (line === 'commit: ok') this.settle();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    child.stdin.on('error', () => {}); // the exit below reports it
    const ended = (code: number | null, why?: string) => {
      if (child.pid) gitProcesses.helpers.delete(child.pid);
      if (this.child === child) this.child = undefined;
      if (this.current) this.settle(new GitCommandError(this.current.args, code, why ?? this.stderr));
    };
    child.once('error', (error) => ended(null, String(error)));
    child.once('close', (code) => ended(code));
    child.unref();
    pipes(child).forEach((p) => p.unref());
    return child;
  }
}
