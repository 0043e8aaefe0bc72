import * as core from '../../platform/context/runner-commands.js';
import { EVALUATE_BATCH_ROWS } from '../../jobs/evaluate/evaluate-batch-rows.js';
import type { ActionEntry } from '../shared/action-entry.js';

export const evaluateModelEntry: ActionEntry = {
  name: 'evaluate-model',
  // The holdout is read on a thread of its own, which opens it while the ONNX runtime is found
  // (or installed into the tool cache) and the model loads.
  readers: () => {
    const data = core.getInput('data');
    return data
      ? { spares: 1, preread: { location: data, options: { batchRows: EVALUATE_BATCH_ROWS } } }
      : { spares: 1 };
  },
  load: () => import('./main.js'),
  failureOutputs: { task: '', rows: '0', metrics: '{}', 'metrics-file': '' },
};
