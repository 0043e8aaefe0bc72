import { parseArgs } from 'node:util';
import type { Preread } from '../platform/data/dataset-worker-protocol.js';

/**
 * Where `modelship validate` will read, as far as the command line alone tells: enough for a reader
 * thread to open the data while the command loads. The command's own parsing stays the authority;
 * a guess that turns out wrong (the checks file sets a format, say) only costs the early opening.
 */
export function prereadOf(args: string[]): Omit<Preread, 'cwd' | 'workspace'> | undefined {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      format: { type: 'string' },
      delimiter: { type: 'string' },
      infer: { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
  });
  if (typeof values.data !== 'string' || values.infer) return undefined;
  return {
    location: values.data,
    options: {
      ...(typeof values.format === 'string' ? { format: values.format as Preread['options']['format'] } : {}),
      ...(typeof values.delimiter === 'string' ? { csv: { delimiter: values.delimiter } } : {}),
    },
  };
}
