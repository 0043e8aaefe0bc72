import { formatUserError, isUserError, UserError } from '../core/errors.js';
import { EXIT, type CliIO, type Command } from './cli-io.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
  /** Started before the command loads, to overlap loading it (e.g. starting reader threads). */
  prepare?: (args: string[], io: CliIO) => void;
}

/** Dispatches `modelship <command> …`; user mistakes print one paragraph and exit 2, never a stack. */
export async function runCli(
  argv: string[],
  io: CliIO,
  commands: Record<string, CommandEntry>,
  version: string,
) {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  const entry = commands[name];
  try {
    if (!entry)
      throw new UserError(
        'usage',
        `unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}`,
      );
    if (!rest.includes('--help')) entry.prepare?.(rest, io);
    return await (
      await entry.load()
    )(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      io.err(`modelship ${name}: ${formatUserError(error)}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`modelship ${name}: unexpected error: ${message}\n`);
    if (io.env.MODELSHIP_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return EXIT.usage;
  }
}

function usage(commands: Record<string, CommandEntry>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Usage: modelship <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "modelship <command> --help" for a command's options.\n`;
}
