import { spawn } from 'node:child_process';
import { UserError } from '../../core/errors.js';

/** Where git runs: a working directory, and optionally an explicit repository (`--git-dir`). */
export interface GitLocation {
  cwd: string;
  gitDir?: string;
}

/** A git command that exited non-zero: its stderr is what the caller inspects (e.g. a rejected push). */
export class GitFailure extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    super(`git ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
  }
}

/**
 * Runs git with an argument array (never a shell: tag names and messages are user text) and returns
 * its stdout. Asynchronous so racing writers in one process do not queue behind each other; bounded
 * by a timeout so a hung remote (a push waiting on credentials) cannot hold the command forever.
 */
export function runGit(
  where: GitLocation,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<string> {
  const full = [...(where.gitDir ? [`--git-dir=${where.gitDir}`] : []), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', full, {
      cwd: where.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UserError(
              'input',
              'git is not installed or not on PATH: the registry reads and writes git tags',
            )
          : error,
      ),
    );
    child.once('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve(stdout);
      else
        reject(
          new GitFailure(full, code, signal ? `killed by ${signal} (timeout?) ${stderr}` : stderr, stdout),
        );
    });
    child.stdin.on('error', () => {}); // git may exit before reading its input; the exit code tells.
    child.stdin.end(options.input);
  });
}

/** A failure to find the repository at all, as the user sees it. */
export function notARepository(where: GitLocation, failure: GitFailure): UserError | undefined {
  if (!/not a git repository/i.test(failure.stderr)) return undefined;
  return new UserError(
    'input',
    `${where.gitDir ?? where.cwd} is not a git repository: run the command inside a clone of the model repository, pass --git-dir, or query GitHub with --repo owner/name`,
  );
}
