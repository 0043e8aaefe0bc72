import { runEntry } from '../shared/run-entry.js';
import { evaluateModelEntry } from './entry.js';

await runEntry(evaluateModelEntry);
