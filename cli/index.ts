import { commands } from './commands.js';
import { runCli } from './run-cli.js';
import pkg from '../package.json' with { type: 'json' };

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  },
  commands,
  pkg.version,
);
