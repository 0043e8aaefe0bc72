import * as core from '@actions/core';
import type { DataFormat } from '../../core/data/types.js';
import { startSpareReaders } from '../../platform/data/spare-readers.js';
import { runAction } from '../shared/run-action.js';

// The data is read on a thread of its own: it starts, and opens the data the inputs name, while the
// action's code and the checks load (a guess that turns out wrong only costs the early opening).
const data = core.getInput('data');
const format = core.getInput('format');
const delimiter = core.getInput('delimiter');
startSpareReaders(
  1,
  data === ''
    ? undefined
    : {
        location: data,
        cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
        options: {
          ...(format !== '' ? { format: format as DataFormat } : {}),
          ...(delimiter !== '' ? { csv: { delimiter } } : {}),
        },
      },
);
await runAction(async () => (await import('./main.js')).run());
