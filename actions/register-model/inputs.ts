import { z } from 'zod';

const booleanInput = z
  .enum(['true', 'false'], { message: 'must be "true" or "false"' })
  .transform((v) => v === 'true');

/** The action's inputs; keys are action.yml's input names (a contract test keeps them equal). */
export const inputsSchema = z.object({
  name: z.string(),
  model: z.string(),
  version: z.string().optional(),
  evaluation: z.string().optional(),
  gate: z.string().optional(),
  dataset: z.string().optional(),
  'dataset-sha256': z.string().optional(),
  storage: z.string().optional(),
  config: z.string().optional(),
  force: booleanInput.optional(),
  'attestation-url': z.string().optional(),
  token: z.string().optional(),
});
