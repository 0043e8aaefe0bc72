import { startSpareReaders } from '../../platform/data/spare-readers.js';
import { runAction } from '../shared/run-action.js';

// Each side is read on a thread of its own: both start while the action's code loads.
startSpareReaders(2);
await runAction(async () => (await import('./main.js')).run());
