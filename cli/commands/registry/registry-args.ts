import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every registry subcommand takes. */
export const SOURCE_OPTIONS = {
  json: { type: 'boolean' },
  repo: { type: 'string' },
  'git-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const SOURCE_HELP = `  --repo <owner/name>  read (and write) through the GitHub API instead of the local clone; the token
                       comes from GITHUB_TOKEN or GH_TOKEN
  --git-dir <dir>      the local repository (default: the one at the working directory)
  --json               print the result as JSON
  -h, --help           show this help`;

/**
 * A subcommand's options and its positional arguments, exactly `names` of them (the optional ones
 * last, marked `?`); mistakes are usage errors naming the subcommand.
 */
export function parseRegistryArgs<O extends Options>(
  sub: string,
  args: string[],
  options: O,
  names: string[],
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...SOURCE_OPTIONS, ...options },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    throw new UserError('usage', `${message}. Run "modelship registry ${sub} --help" for its options.`);
  }
  const { values, positionals } = parsed;
  const required = names.filter((n) => !n.endsWith('?'));
  if (
    !(values as { help?: boolean }).help &&
    (positionals.length < required.length || positionals.length > names.length)
  )
    throw new UserError(
      'usage',
      `registry ${sub} takes ${names.map((n) => (n.endsWith('?') ? `[${n.slice(0, -1)}]` : n)).join(' ')}; got ${positionals.length === 0 ? 'none' : positionals.join(' ')}. Run "modelship registry ${sub} --help".`,
    );
  return { values, positionals };
}
