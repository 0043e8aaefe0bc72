import type { ActionEntry } from '../shared/action-entry.js';

export const driftReportEntry: ActionEntry = {
  name: 'drift-report',
  // Each side is read on a thread of its own: both start while the action's code loads.
  readers: () => ({ spares: 2 }),
  load: () => import('./main.js'),
  failureOutputs: { 'drift-detected': 'false', 'drifted-columns': '[]', 'check-run-url': '' },
};
