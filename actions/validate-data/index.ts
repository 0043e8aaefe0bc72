import { startSpareReaders } from '../../platform/data/spare-readers.js';
import { runAction } from '../shared/run-action.js';

// The data is read on a thread of its own: it starts while the action's code and the checks load.
startSpareReaders(1);
await runAction(async () => (await import('./main.js')).run());
