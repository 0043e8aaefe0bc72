import type { ColumnSample } from '../../core/drift/column-sample.js';
import type { DriftConfig } from '../../core/config/drift-config-schema.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { OpenOptions } from '../../core/data/types.js';
import type { DatasetFiles } from './dataset-source.js';

/**
 * A dataset opened for the drift engine on a reader of its own: it keeps only what the tests need
 * (finite numbers, sorted; category counts), and once it has sampled, it can test columns itself,
 * so that the two sides' readers test columns in parallel.
 */
export interface SampledDataset {
  files: DatasetFiles;
  names: string[];
  /** Reads the whole dataset, keeping samples of these columns. */
  collect(columns: ReadonlySet<string>): Promise<{ samples: Map<string, ColumnSample>; rows: number }>;
  /** Tests these columns on this reader (both sides' samples move to it: do not use them again). */
  test(
    names: string[],
    reference: Map<string, ColumnSample>,
    current: Map<string, ColumnSample>,
    config: DriftConfig,
  ): Promise<ColumnDrift[]>;
  close(): Promise<void>;
}

/** Where the drift job samples its two datasets from; closed by the adapter on every path. */
export interface SampleSource {
  sample(location: string, options: OpenOptions): Promise<SampledDataset>;
}
