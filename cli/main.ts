import { readCliContext } from '../platform/context/cli-context.js';
import { commands } from './commands.js';
import { runCli } from './run-cli.js';
import pkg from '../package.json' with { type: 'json' };

process.exitCode = await runCli(
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    context: readCliContext(),
  },
  commands,
  pkg.version,
);
