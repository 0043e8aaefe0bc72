import { z } from 'zod';
import { driftConfigSchema } from './drift-config-schema.js';
import { environmentsSchema } from './environments-config-schema.js';
import { evaluateConfigSchema } from './evaluate-config-schema.js';
import { gateConfigSchema } from './gate-config-schema.js';
import { configVersionSchema, defaultEnvironmentSchema } from './ops-config-schema.js';
import { registryConfigSchema } from './registry-config-schema.js';
import { validateConfigSchema } from './validate-config-schema.js';

/**
 * `.github/modelship.yml`, read by every action, the CLI and the app. This schema is the single
 * source of truth: TypeScript types are inferred from it, its messages are what users see, and
 * `modelship schema` prints the JSON Schema generated from it for editors.
 * The registry section joins here with the registry; `environments` is read from the ops repository,
 * where a promotion reads it through ops-config-schema.ts (the environments part only).
 */
export const modelshipConfigSchema = z
  .object({
    version: configVersionSchema,
    validate: validateConfigSchema
      .prefault({})
      .describe('Data validation (the validate-data action, `modelship validate`).'),
    drift: driftConfigSchema
      .prefault({})
      .describe('Drift reports (the drift-report action, `modelship drift`).'),
    evaluate: evaluateConfigSchema
      .prefault({})
      .describe('Model evaluation (the evaluate-model action, `modelship evaluate`).'),
    gate: gateConfigSchema
      .prefault({})
      .describe('Metric gates against production (the metric-gate action, `modelship gate`).'),
    registry: registryConfigSchema
      .prefault({})
      .describe(
        'The model registry (the register-model action, `modelship register`, `modelship registry`).',
      ),
    environments: environmentsSchema.optional(),
    'default-environment': defaultEnvironmentSchema,
  })
  .strict();

export type ModelshipConfig = z.output<typeof modelshipConfigSchema>;

export { DEFAULT_CONFIG_PATH } from './default-config-path.js';
