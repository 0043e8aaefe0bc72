import { startSpareReaders } from '../platform/data/spare-readers.js';
import { prereadOf } from './preread.js';
import type { CommandEntry } from './run-cli.js';

// Commands load lazily so `modelship validate` never pays for the drift engine, and vice versa.
export const commands: Record<string, CommandEntry> = {
  validate: {
    summary: 'check a dataset against declarative checks (or --infer a starter checks file)',
    load: async () => (await import('./commands/validate.js')).validate,
    // The data is read on its own thread; it starts while the command and the checks load, and
    // opens the data named on the command line meanwhile.
    prepare: (args, io) => startSpareReaders(1, prereadOf(args, io.cwd)),
  },
  drift: {
    summary: 'compare reference and current data column by column',
    load: async () => (await import('./commands/drift.js')).drift,
    // Each side is read on its own thread (see validate).
    prepare: () => startSpareReaders(2),
  },
  schema: {
    summary: 'print the JSON Schema of .github/modelship.yml (or --checks: of a checks file)',
    load: async () => (await import('./commands/schema.js')).schema,
  },
};
