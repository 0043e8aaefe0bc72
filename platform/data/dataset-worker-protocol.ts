import type { ColumnSample } from '../../core/drift/column-sample.js';
import type { DriftConfig } from '../../core/drift/drift-config-schema.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { Batch, OpenOptions } from '../../core/data/types.js';
import type { ErrorLocation, UserErrorKind } from '../../core/errors.js';
import type { DataFile } from '../../core/ports.js';

/** The messages between a dataset reader thread (dataset-worker.ts) and the thread that started it. */

export const WORKER_MARK = 'modelship-dataset-reader';

export type WorkerFiles = Pick<DataFile, 'name' | 'inWorkspace' | 'size'>[];

export type FromWorker =
  | { type: 'opened'; files: WorkerFiles; names: string[] }
  | { type: 'batch'; batch: Batch }
  | { type: 'samples'; samples: ColumnSample[]; rows: number }
  | { type: 'columns'; columns: ColumnDrift[] }
  | { type: 'end' }
  | { type: 'user-error'; kind: UserErrorKind; message: string; location: ErrorLocation; details: string[] }
  | { type: 'error'; message: string; stack?: string };

/** What the thread does with the data: hand over its batches, or keep drift samples of some columns. */
export type Task = 'batches' | 'samples';

export interface Job {
  mark: typeof WORKER_MARK;
  task: Task;
  location: string;
  cwd: string;
  options: OpenOptions;
}

/** Both sides of some columns, for a thread to test. */
export interface ColumnsToTest {
  names: string[];
  reference: ColumnSample[];
  current: ColumnSample[];
  config: DriftConfig;
}

/** To the thread: credit for one more batch, the columns to sample, or columns to test. */
export type ToWorker = 'next' | { collect: string[] } | { test: ColumnsToTest };

/** The memory of drift samples' numbers, moved rather than copied when posted. */
export function sampleTransferables(samples: ColumnSample[]): ArrayBuffer[] {
  return samples.flatMap((sample) => sample.numbers?.buffers() ?? []);
}
