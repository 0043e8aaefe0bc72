import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { gitProcesses } from './git-processes.js';

/**
 * What the spawner runs (plain CommonJS for `node -e`): one git process per request line, its exit
 * code and output sent back as one line. Node's spawn is synchronous until the child has exec'd —
 * tens of milliseconds on a busy machine — so starting git from the stand-in's own process stalled
 * every request in flight; this small process takes those stalls instead.
 */
const SPAWNER = `
const { spawn } = require('node:child_process');
const send = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const r = JSON.parse(line);
  let done = false;
  const finish = (m) => { if (!done) { done = true; send({ id: r.id, ...m }); } };
  let child;
  try {
    child = spawn('git', r.args, { cwd: r.cwd, env: r.env, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    return finish({ error: String(error) });
  }
  const out = [], err = [];
  child.stdout.on('data', (c) => out.push(c));
  child.stderr.on('data', (c) => err.push(c));
  child.once('error', (error) => finish({ error: String(error) }));
  child.once('close', (code) => finish({
    code,
    stdout: Buffer.concat(out).toString('base64'),
    stderr: Buffer.concat(err).toString('base64'),
  }));
  child.stdin.on('error', () => {});
  child.stdin.end(r.input === null ? undefined : Buffer.from(r.input, 'base64'));
});
`;

export interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

const pipes = (child: ChildProcessWithoutNullStreams) =>
  [child.stdin, child.stdout, child.stderr] as unknown as Socket[];

let child: ChildProcessWithoutNullStreams | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (run: GitRun) => void; reject: (error: Error) => void }>();

function start(): ChildProcessWithoutNullStreams {
  if (child) return child;
  const started = spawn(process.execPath, ['-e', SPAWNER], { stdio: ['pipe', 'pipe', 'pipe'] });
  child = started;
  if (started.pid) gitProcesses.helpers.add(started.pid);
  createInterface({ input: started.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as {
      id: number;
      code?: number | null;
      stdout?: string;
      stderr?: string;
      error?: string;
    };
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if (waiting.size === 0 && child) pipes(child).forEach((p) => p.unref());
    if (answer.error !== undefined) pending.reject(new Error(answer.error));
    else
      pending.resolve({
        code: answer.code ?? null,
        stdout: Buffer.from(answer.stdout ?? '', 'base64'),
        stderr: Buffer.from(answer.stderr ?? '', 'base64'),
      });
  });
  started.stderr.resume();
  started.stdin.on('error', () => {});
  const ended = (why: string) => {
    if (child !== started) return;
    child = undefined;
    if (started.pid) gitProcesses.helpers.delete(started.pid);
    const error = new Error(`the git spawner ${why}`);
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  started.once('error', (error) => ended(String(error)));
  started.once('close', (code) => ended(`exited with ${code}`));
  started.unref();
  pipes(started).forEach((p) => p.unref());
  return started;
}

/** Runs `git args` in `cwd` through the spawner; rejects only when git could not be started. */
export function spawnGit(
  cwd: string,
  args: string[],
  input: string | Buffer | undefined,
  env: NodeJS.ProcessEnv,
): Promise<GitRun> {
  const spawner = start();
  const id = nextId++;
  return new Promise<GitRun>((resolve, reject) => {
    if (waiting.size === 0) pipes(spawner).forEach((p) => p.ref());
    waiting.set(id, { resolve, reject });
    const bytes = input === undefined ? null : Buffer.from(input).toString('base64');
    spawner.stdin.write(`${JSON.stringify({ id, cwd, args, input: bytes, env })}\n`);
  });
}
