import type { DriftReport } from '../../core/drift/drift-result.js';
import { renderDriftHtml } from '../../core/report/drift/drift-html.js';
import { writeFileAtomic } from '../write-file-atomic.js';

/** Writes the HTML report (atomically: a reader never sees half a file); returns its absolute path. */
export async function writeDriftHtml(
  report: DriftReport,
  options: { reference: string; current: string; path: string; cwd: string },
): Promise<string> {
  return writeFileAtomic(options.path, renderDriftHtml(report, options), options.cwd);
}
