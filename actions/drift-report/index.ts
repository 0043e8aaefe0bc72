import { runEntry } from '../shared/run-entry.js';
import { driftReportEntry } from './entry.js';

await runEntry(driftReportEntry);
