import { runEntry } from '../shared/run-entry.js';
import { validateDataEntry } from './entry.js';

await runEntry(validateDataEntry);
