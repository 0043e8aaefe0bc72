import { z } from 'zod';
import { environmentsSchema } from './environments-config-schema.js';

/** The format's version, shared by both schemas of `.github/modelship.yml`. */
export const configVersionSchema = z.literal(1).default(1).describe('Version of this file format.');

export const defaultEnvironmentSchema = z
  .string()
  .optional()
  .describe('The environment a command without one means (never a protected one).');

/**
 * `.github/modelship.yml` as a promotion reads it in the ops repository: the environments and the
 * top-level settings they need, validated exactly as the whole file's schema validates them (same
 * messages, lines, fields). The other sections (validate, drift, evaluate, gate, registry) are the
 * business of the commands that use them, which validate the whole file: here they are only known
 * keys, so a misspelt key is still refused with "did you mean". Building their schemas cost a local
 * promotion a fifth of its module loading (issue #14). Keep the keys in step with
 * modelship-config-schema.ts (a test checks it).
 */
export const opsConfigSchema = z
  .object({
    version: configVersionSchema,
    validate: z.unknown().optional(),
    drift: z.unknown().optional(),
    evaluate: z.unknown().optional(),
    gate: z.unknown().optional(),
    registry: z.unknown().optional(),
    environments: environmentsSchema.optional(),
    'default-environment': defaultEnvironmentSchema,
  })
  .strict();

export type OpsConfigFile = z.output<typeof opsConfigSchema>;
