import type { z } from 'zod';
import { collectSamples } from '../../../core/drift/column-sample.js';
import { columnOrder, datasetDrift, driftColumns } from '../../../core/drift/detect-drift.js';
import { driftConfigSchema } from '../../../core/config/drift-config-schema.js';
import type { ColumnDrift, DriftReport } from '../../../core/drift/drift-result.js';
import { tableStream, type Cell } from '../../support/table-stream.js';

/**
 * The engine's own path through two in-memory tables, as jobs/drift/run-drift.ts takes it
 * without the threads: the column order (and the config's column names checked), each column's
 * verdict, then the dataset's.
 */
export async function driftOf(
  reference: Record<string, Cell[]>,
  current: Record<string, Cell[]>,
  settings: z.input<typeof driftConfigSchema> = {},
): Promise<DriftReport> {
  const config = driftConfigSchema.parse(settings);
  const ref = await collectSamples(tableStream(reference, { batchRows: 997 }));
  const cur = await collectSamples(tableStream(current, { batchRows: 997 }));
  const names = columnOrder([...ref.samples.keys()], [...cur.samples.keys()], config);
  const input = {
    reference: ref.samples,
    current: cur.samples,
    referenceRows: ref.rows,
    currentRows: cur.rows,
  };
  return { ...datasetDrift(driftColumns(names, input, config), ref.rows, cur.rows, config), durationMs: 0 };
}

export const columnOf = (report: { columns: ColumnDrift[] }, name: string): ColumnDrift | undefined =>
  report.columns.find((c) => c.column === name);
