import * as core from './platform/context/runner-commands.js';
import { UserError } from './core/errors.js';
import { driftReportEntry } from './actions/drift-report/entry.js';
import { evaluateModelEntry } from './actions/evaluate-model/entry.js';
import { metricGateEntry } from './actions/metric-gate/entry.js';
import { registerModelEntry } from './actions/register-model/entry.js';
import type { ActionEntry } from './actions/shared/action-entry.js';
import { runEntry } from './actions/shared/run-entry.js';
import { validateDataEntry } from './actions/validate-data/entry.js';

// The repository-root action (`uses: modelship/modelship@v1` with `command:`) runs the same entries
// as the per-action folders; each command loads only its own module.
const entries: Record<string, ActionEntry> = {
  'validate-data': validateDataEntry,
  'drift-report': driftReportEntry,
  'evaluate-model': evaluateModelEntry,
  'metric-gate': metricGateEntry,
  'register-model': registerModelEntry,
};

await runEntry(() => {
  const name = core.getInput('command');
  const known = Object.keys(entries).join(', ');
  if (!name)
    throw new UserError('input', `input "command" is required: set it to one of ${known}`, {
      field: 'inputs.command',
    });
  const entry = Object.hasOwn(entries, name) ? entries[name] : undefined;
  if (!entry)
    throw new UserError('input', `input "command": unknown command "${name}"; expected one of ${known}`, {
      field: 'inputs.command',
    });
  return entry;
});
