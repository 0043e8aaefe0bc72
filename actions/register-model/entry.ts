import type { ActionEntry } from '../shared/action-entry.js';

export const registerModelEntry: ActionEntry = {
  name: 'register-model',
  // Model files are hashed, not read as data: no reader thread.
  readers: () => ({ spares: 0 }),
  load: () => import('./main.js'),
  failureOutputs: {
    tag: '',
    version: '',
    created: 'false',
    'release-url': '',
    artifacts: '[]',
    'subject-path': '',
    'subject-digest': '',
    'subject-name': '',
  },
};
