import type { z } from 'zod';
import { inferChecks } from '../../core/checks/infer-checks.js';
import type { dataFormatSchema } from '../../core/config/validate-config-schema.js';
import { openDataset } from '../../core/data/open-dataset.js';
import { UserError } from '../../core/errors.js';
import { resolveDataFiles } from '../../platform/resolve-data-files.js';
import { EXIT, type CliIO } from '../cli-io.js';

/** `modelship validate --infer`: a starter checks file inferred from the data. */
export async function infer(
  data: string | undefined,
  format: z.output<typeof dataFormatSchema> | undefined,
  delimiter: string | undefined,
  io: CliIO,
) {
  if (data === undefined)
    throw new UserError('usage', '--infer needs --data <path> (or validate.data in .github/modelship.yml)');
  const files = await resolveDataFiles(data, { cwd: io.cwd });
  const stream = await openDataset(files, {
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { csv: { delimiter } } : {}),
  });
  io.out(await inferChecks(stream));
  return EXIT.ok;
}
