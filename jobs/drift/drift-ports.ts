import type { CheckRunPublisher } from '../ports/check-run-publisher.js';
import type { Clock } from '../ports/clock.js';
import type { ReportWriter } from '../ports/report-writer.js';
import type { SampleSource } from '../ports/sample-source.js';
import type { TextFiles } from '../ports/text-files.js';

/** Everything the drift job reaches outside itself. */
export interface DriftPorts {
  samples: SampleSource;
  reports: ReportWriter;
  /** Reads the configuration file again only to point an error at its line. */
  files: TextFiles;
  clock: Clock;
  /** Where the verdict is posted as a check run, when the adapter can (the action with a token). */
  checkRuns?: { publisher: CheckRunPublisher; headSha: string; detailsUrl?: string; fromFork: boolean };
}
