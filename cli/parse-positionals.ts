import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs for commands with positional arguments (`promote NAME VERSION`). */
export function parseOptionsAndPositionals<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    throw new UserError('usage', `${message}. Run "modelship ${command} --help" for its options.`);
  }
}
