import * as core from '../../platform/context/runner-commands.js';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';

/**
 * Reads an action's inputs through its zod schema: the schema's keys are the input names of
 * action.yml (a contract test keeps the two in step). Empty inputs count as absent, as on the runner.
 */
export function readInputs<S extends z.ZodObject>(schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = core.getInput(name);
    if (value !== '') raw[name] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `input "${issue.path.join('.')}": ${issue.message}`);
  throw new UserError(
    'input',
    problems[0]!,
    { field: `inputs.${String(result.error.issues[0]!.path[0])}` },
    problems.slice(1),
  );
}
