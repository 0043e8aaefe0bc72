import type { ActionContext } from '../../platform/context/action-context.js';
import type { ReaderThreads } from '../../platform/data/reader-threads.js';
import type { Preread } from '../../platform/data/dataset-worker-protocol.js';

/** How an action starts: what it warms up before its code loads, and what it reports when it cannot finish. */
export interface ActionEntry {
  name: string;
  /** Reader threads to start at once, and where the data probably is (from the raw inputs). */
  readers: () => { spares: number; preread?: Omit<Preread, 'cwd' | 'workspace' | 'storage'> };
  /** The action's main, loaded after the threads started. */
  load: () => Promise<{ run: (context: ActionContext, readers: ReaderThreads) => Promise<void> }>;
  /** Outputs that say "no result" when the step could not finish. */
  failureOutputs: Record<string, string>;
}
