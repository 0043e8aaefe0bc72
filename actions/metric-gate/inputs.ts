import { z } from 'zod';

const booleanInput = z
  .enum(['true', 'false'], { message: 'must be "true" or "false"' })
  .transform((v) => v === 'true');

/** The action's inputs; keys are action.yml's input names (a contract test keeps them equal). */
export const inputsSchema = z.object({
  candidate: z.string().optional(),
  baseline: z.string().optional(),
  config: z.string().optional(),
  name: z.string().max(100).optional(),
  'check-name': z.string().max(100).optional(),
  comment: booleanInput.optional(),
  'fail-on-gate': booleanInput.optional(),
  report: z.string().optional(),
  token: z.string().optional(),
});
