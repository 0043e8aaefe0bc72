import { readActionContext } from '../../platform/context/action-context.js';
import { startReaderThreads, type ReaderThreads } from '../../platform/data/reader-threads.js';
import type { ActionEntry } from './action-entry.js';
import { runAction } from './run-action.js';

/**
 * Runs an action from its entry: the environment is read once into a context, the reader threads
 * start while the action's own code loads, and they are stopped on every path.
 */
export async function runEntry(entry: ActionEntry | (() => ActionEntry)): Promise<void> {
  let readers: ReaderThreads | undefined;
  let name = typeof entry === 'function' ? 'modelship' : entry.name;
  let failureOutputs = typeof entry === 'function' ? {} : entry.failureOutputs;
  await runAction(
    async () => {
      const chosen = typeof entry === 'function' ? entry() : entry;
      ({ name, failureOutputs } = chosen);
      const context = readActionContext();
      const { workspace, storage } = context;
      readers = startReaderThreads({ cwd: workspace, workspace, storage }, chosen.readers());
      await (await chosen.load()).run(context, readers);
    },
    { name: () => name, outputs: () => failureOutputs, close: () => readers?.close() },
  );
}
