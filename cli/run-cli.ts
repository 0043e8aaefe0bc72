import { formatUserError, isUserError, UserError } from '../core/errors.js';
import type { ReaderThreads } from '../platform/data/reader-threads.js';
import type { Place, Preread } from '../platform/data/dataset-worker-protocol.js';
import { EXIT, type CliIO, type Command } from './cli-io.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
  /**
   * Reader threads to start before the command loads, so their start-up overlaps loading it, and
   * where the data probably is (read off the command line) so the first opens it meanwhile.
   */
  readers?: (args: string[]) => { spares: number; preread?: Omit<Preread, 'cwd' | 'workspace'> };
}

/**
 * Dispatches `modelship <command> …`; user mistakes print one paragraph and exit 2, never a stack.
 * Whatever reader threads the command started are stopped on every path, so a command that fails
 * before reading its data still exits at once.
 */
export async function runCli(io: CliIO, commands: Record<string, CommandEntry>, version: string) {
  const [name, ...rest] = io.context.argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  const entry = commands[name];
  let readers: ReaderThreads | undefined;
  try {
    if (!entry)
      throw new UserError(
        'usage',
        `unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}`,
      );
    const { cwd, workspace, storage } = io.context;
    const place = { cwd, workspace, storage };
    const warmUp = !rest.includes('--help') && entry.readers ? entry.readers(rest) : { spares: 0 };
    readers =
      warmUp.spares > 0
        ? (await import('../platform/data/reader-threads.js')).startReaderThreads(place, warmUp)
        : readersOnDemand(place);
    return await (
      await entry.load()
    )(rest, io, readers);
  } catch (error) {
    if (isUserError(error)) {
      io.err(`modelship ${name}: ${formatUserError(error)}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`modelship ${name}: unexpected error: ${message}\n`);
    if (io.context.debug && error instanceof Error) io.err(`${error.stack}\n`);
    return EXIT.usage;
  } finally {
    await readers?.close();
  }
}

/**
 * Reader threads for a command that did not ask for any up front (promote, status, gate without
 * data…): the data layer loads only if the command opens a dataset, so those commands do not
 * compile it at start-up.
 */
function readersOnDemand(place: Place): ReaderThreads {
  let threads: Promise<ReaderThreads> | undefined;
  const started = () =>
    (threads ??= import('../platform/data/reader-threads.js').then((m) => m.startReaderThreads(place)));
  return {
    open: async (location, options) => (await started()).open(location, options),
    sample: async (location, options) => (await started()).sample(location, options),
    close: async () => {
      if (threads) await (await threads).close();
    },
  };
}

function usage(commands: Record<string, CommandEntry>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Usage: modelship <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "modelship <command> --help" for a command's options.\n`;
}
