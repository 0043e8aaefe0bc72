import type { ReaderThreads } from '../platform/data/reader-threads.js';
import type { CliContext } from '../platform/context/cli-context.js';

/** Where a CLI command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Where the command runs, read once from argv, the working directory and the environment. */
  context: CliContext;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A command: maps its flags to a job's settings and the job's outcome to output and an exit code. */
export type Command = (args: string[], io: CliIO, readers: ReaderThreads) => Promise<number>;
