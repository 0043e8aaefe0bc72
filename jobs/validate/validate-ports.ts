import type { Clock } from '../ports/clock.js';
import type { DatasetSource } from '../ports/dataset-source.js';
import type { ReportWriter } from '../ports/report-writer.js';
import type { TextFiles } from '../ports/text-files.js';

/** Everything the validate job reaches outside itself. */
export interface ValidatePorts {
  datasets: DatasetSource;
  files: TextFiles;
  reports: ReportWriter;
  clock: Clock;
}
