import * as core from '@actions/core';
import { UserError } from './core/errors.js';
import { runAction } from './actions/shared/run-action.js';
import { startSpareReaders } from './platform/data/spare-readers.js';

// The repository-root action (`uses: modelship/modelship@v1` with `command:`) runs the same code as
// the per-action folders; each command loads only its own module.
// Each command's data reader threads start while its module loads.
const commands: Record<string, { load: () => Promise<{ run: () => Promise<void> }>; readers: number }> = {
  'validate-data': { load: () => import('./actions/validate-data/main.js'), readers: 1 },
  'drift-report': { load: () => import('./actions/drift-report/main.js'), readers: 2 },
};

await runAction(async () => {
  const name = core.getInput('command', { required: true });
  const command = commands[name];
  if (!command) {
    throw new UserError(
      'input',
      `input "command": unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}`,
      {
        field: 'inputs.command',
      },
    );
  }
  startSpareReaders(command.readers);
  await (await command.load()).run();
});
