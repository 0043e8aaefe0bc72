/**
 * Writes a job's reports (JSON, HTML). A report is never written over one of the run's inputs: the
 * job names them, and the writer refuses a path that is the same file (however spelled: `./a/../b`,
 * a symlink), a directory, or under a file — before any work is done, and atomically at the end.
 */
export interface ReportWriter {
  /** Throws a user error when `path` cannot be written as a report without harming `inputs`. */
  check(path: string, inputs: readonly string[]): Promise<void>;
  /** Writes the whole content or nothing; returns the absolute path written. */
  write(path: string, content: string): Promise<string>;
}
