import { z } from 'zod';

/** The action's inputs; keys are action.yml's input names (a contract test keeps them equal). */
export const inputsSchema = z.object({
  model: z.string(),
  data: z.string(),
  label: z.string().optional(),
  config: z.string().optional(),
  task: z.enum(['binary', 'multiclass', 'regression']).optional(),
  'positive-label': z.string().optional(),
  threshold: z.coerce.number().min(0, 'must be in [0, 1]').max(1, 'must be in [0, 1]').optional(),
  missing: z.enum(['error', 'drop']).optional(),
  output: z.string().optional(),
});
