import type { DataFormat } from '../../core/data/types.js';
import { UserError } from '../../core/errors.js';
import { runInferChecks } from '../../jobs/validate/run-infer-checks.js';
import type { ReaderThreads } from '../../platform/data/reader-threads.js';
import { EXIT, type CliIO } from '../cli-io.js';

/** `modelship validate --infer`: a starter checks file inferred from the data. */
export async function infer(
  data: string | undefined,
  format: DataFormat | undefined,
  delimiter: string | undefined,
  io: CliIO,
  readers: ReaderThreads,
) {
  if (data === undefined)
    throw new UserError('usage', '--infer needs --data <path> (or validate.data in .github/modelship.yml)');
  const settings = {
    data,
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
  };
  io.out(await runInferChecks(settings, { datasets: readers }));
  return EXIT.ok;
}
