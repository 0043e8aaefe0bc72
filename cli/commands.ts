import { EVALUATE_BATCH_ROWS } from '../jobs/evaluate/evaluate-batch-rows.js';
import { prereadOf } from './preread.js';
import type { CommandEntry } from './run-cli.js';

// Commands load lazily so `modelship validate` never pays for the drift engine, and vice versa.
export const commands: Record<string, CommandEntry> = {
  validate: {
    summary: 'check a dataset against declarative checks (or --infer a starter checks file)',
    load: async () => (await import('./commands/validate.js')).validate,
    // The data is read on its own thread; it starts while the command and the checks load, and
    // opens the data named on the command line meanwhile.
    readers: (args) => {
      const preread = prereadOf(args);
      return { spares: 1, ...(preread ? { preread } : {}) };
    },
  },
  drift: {
    summary: 'compare reference and current data column by column',
    load: async () => (await import('./commands/drift.js')).drift,
    // Each side is read on its own thread (see validate).
    readers: () => ({ spares: 2 }),
  },
  evaluate: {
    summary: 'score a labelled holdout with an ONNX model: metrics, latency, slices',
    load: async () => (await import('./commands/evaluate.js')).evaluate,
    // The holdout is read on its own thread, which starts (and opens the data) while onnxruntime loads.
    readers: (args) => {
      const preread = prereadOf(args);
      if (!preread) return { spares: 1 };
      return {
        spares: 1,
        preread: { ...preread, options: { ...preread.options, batchRows: EVALUATE_BATCH_ROWS } },
      };
    },
  },
  gate: {
    summary: "judge a candidate model's metrics against the rules and production's metrics",
    load: async () => (await import('./commands/gate.js')).gate,
  },
  register: {
    summary: 'register a model version: a GTO tag on its commit, a release with the model card',
    load: async () => (await import('./commands/register.js')).register,
  },
  promote: {
    summary: 'promote a registered model version to an environment of the ops repository',
    load: async () => (await import('./commands/promote.js')).promote,
  },
  status: {
    summary: 'print which version of a model each environment runs',
    load: async () => (await import('./commands/status.js')).status,
  },
  schema: {
    summary: 'print the JSON Schema of .github/modelship.yml (or --checks: of a checks file)',
    load: async () => (await import('./commands/schema.js')).schema,
  },
  registry: {
    summary: 'query the model registry (list, show, which, history, doctor) and change stages and status',
    load: async () => (await import('./commands/registry.js')).registry,
  },
};
