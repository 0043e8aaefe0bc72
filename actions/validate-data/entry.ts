import * as core from '../../platform/context/runner-commands.js';
import type { DataFormat } from '../../core/data/types.js';
import type { ActionEntry } from '../shared/action-entry.js';

export const validateDataEntry: ActionEntry = {
  name: 'validate-data',
  // The data is read on a thread of its own: it starts, and opens the data the inputs name, while
  // the action's code and the checks load (a wrong guess only costs the early opening).
  readers: () => {
    const [data, format, delimiter] = ['data', 'format', 'delimiter'].map((name) => core.getInput(name));
    if (!data) return { spares: 1 };
    const options = {
      ...(format ? { format: format as DataFormat } : {}),
      ...(delimiter ? { csv: { delimiter } } : {}),
    };
    return { spares: 1, preread: { location: data, options } };
  },
  load: () => import('./main.js'),
  failureOutputs: { success: 'false', 'failed-checks': '[]' },
};
