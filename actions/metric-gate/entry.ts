import type { ActionEntry } from '../shared/action-entry.js';

export const metricGateEntry: ActionEntry = {
  name: 'metric-gate',
  // Metrics files only: no data is read, so no reader thread is started.
  readers: () => ({ spares: 0 }),
  load: () => import('./main.js'),
  failureOutputs: { passed: 'false', metrics: '{}', report: '', 'check-run-url': '', 'comment-url': '' },
};
