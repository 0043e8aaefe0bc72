import { inferChecks } from '../../core/checks/infer-checks.js';
import type { DataFormat } from '../../core/data/types.js';
import type { DatasetSource } from '../ports/dataset-source.js';

export interface InferSettings {
  data: string;
  format?: DataFormat;
  delimiter?: string;
}

/** A starter checks file (YAML text) that the data it was inferred from passes. */
export async function runInferChecks(
  settings: InferSettings,
  ports: { datasets: DatasetSource },
): Promise<string> {
  const { stream } = await ports.datasets.open(settings.data, {
    ...(settings.format !== undefined ? { format: settings.format } : {}),
    ...(settings.delimiter !== undefined ? { csv: { delimiter: settings.delimiter } } : {}),
  });
  return inferChecks(stream);
}
