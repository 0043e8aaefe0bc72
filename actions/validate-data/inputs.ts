import { z } from 'zod';
import { dataFormatSchema, failOnSchema } from '../../core/config/validate-config-schema.js';

/** The action's inputs; keys are action.yml's input names (a contract test keeps them equal). */
export const inputsSchema = z.object({
  data: z.string().optional(),
  checks: z.string().optional(),
  config: z.string().optional(),
  'fail-on': failOnSchema.optional(),
  format: dataFormatSchema.optional(),
  delimiter: z.string().length(1, 'must be a single character').optional(),
  report: z.string().optional(),
});
