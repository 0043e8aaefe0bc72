import * as core from '@actions/core';
import { UserError } from './core/errors.js';
import { runAction } from './actions/shared/run-action.js';

// The repository-root action (`uses: modelship/modelship@v1` with `command:`) runs the same code as
// the per-action folders; each command loads only its own module.
const commands: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  'validate-data': () => import('./actions/validate-data/main.js'),
  'drift-report': () => import('./actions/drift-report/main.js'),
};

await runAction(async () => {
  const name = core.getInput('command', { required: true });
  const load = commands[name];
  if (!load) {
    throw new UserError(
      'input',
      `input "command": unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}`,
      {
        field: 'inputs.command',
      },
    );
  }
  await (await load()).run();
});
