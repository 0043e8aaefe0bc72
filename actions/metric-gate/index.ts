import { readActionContext } from '../../platform/context/action-context.js';
import { runAction } from '../shared/run-action.js';
import { metricGateEntry } from './entry.js';

// The gate reads two small JSON files: its own entry skips the reader threads (and their module),
// so the step starts and finishes in a blink. The root action still runs it through runEntry.
await runAction(async () => (await import('./main.js')).run(readActionContext()), {
  name: () => metricGateEntry.name,
  outputs: () => metricGateEntry.failureOutputs,
});
