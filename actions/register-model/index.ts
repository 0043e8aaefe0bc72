import { readActionContext } from '../../platform/context/action-context.js';
import { runAction } from '../shared/run-action.js';
import { registerModelEntry } from './entry.js';

// Registration reads no data: its own entry skips the reader threads. The root action still runs it through runEntry.
await runAction(async () => (await import('./main.js')).run(readActionContext()), {
  name: () => registerModelEntry.name,
  outputs: () => registerModelEntry.failureOutputs,
});
