import type { DatasetSource } from '../ports/dataset-source.js';
import type { Machine } from '../ports/machine.js';
import type { ModelRuntime } from '../ports/model-runtime.js';
import type { ReportWriter } from '../ports/report-writer.js';

/** Everything the evaluate job reaches outside itself. */
export interface EvaluatePorts {
  datasets: DatasetSource;
  models: ModelRuntime;
  machine: Machine;
  reports: ReportWriter;
}
