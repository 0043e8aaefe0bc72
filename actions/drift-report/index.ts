import { runAction } from '../shared/run-action.js';
import { run } from './main.js';

await runAction(run);
