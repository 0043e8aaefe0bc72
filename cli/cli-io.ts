/** Where a CLI command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Working directory that relative paths resolve against. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type Command = (args: string[], io: CliIO) => Promise<number>;
