import { z } from 'zod';

const booleanInput = z
  .enum(['true', 'false'], { message: 'must be "true" or "false"' })
  .transform((v) => v === 'true');

/** The action's inputs; keys are action.yml's input names (a contract test keeps them equal). */
export const inputsSchema = z.object({
  reference: z.string().optional(),
  current: z.string().optional(),
  config: z.string().optional(),
  'drift-share': z.coerce.number().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]').optional(),
  'check-name': z.string().max(100).optional(),
  'conclusion-on-drift': z.enum(['failure', 'neutral']).optional(),
  'fail-on-drift': booleanInput.optional(),
  'check-run-required': booleanInput.optional(),
  html: z.string().optional(),
  report: z.string().optional(),
  token: z.string().optional(),
});
