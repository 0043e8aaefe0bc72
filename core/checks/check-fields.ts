import { z } from 'zod';
import { parseTimestamp } from '../data/parse-timestamp.js';

/**
 * The pieces every check kind's schema is made of (core/checks/kinds/*.ts): the single source of
 * truth for the checks' types, defaults and messages. The JSON Schema that editors use is generated
 * from them (`z.toJSONSchema`), hence a description on every field. Entries are flat and
 * discriminated by `check`, with kebab-case keys throughout.
 */

export const column = z.string().min(1).describe('Name of the column the check reads.');
export const columnList = z.array(z.string().min(1)).min(1);
const severity = z
  .enum(['error', 'warning'])
  .default('error')
  .describe('What a failure means: "error" fails validation, "warning" is only reported.');
const name = z
  .string()
  .min(1)
  .optional()
  .describe('Name shown in reports; by default the check and its columns, like "not-null(age)".');
export const mostly = z
  .number()
  .min(0)
  .max(1)
  .default(1)
  .describe('Pass when at least this fraction of the non-missing values pass (default 1: all of them).');
export const fraction = z.number().min(0).max(1);
export const count = z.number().int().min(0);

const timestampHint = 'an ISO 8601 timestamp such as 2024-05-01 or 2024-05-01T12:00:00Z';
/** A bound on values: a number, or an ISO timestamp for timestamp columns. */
export const valueBound = z.union(
  [
    z.number(),
    z
      .string()
      .refine((s) => parseTimestamp(s) !== undefined, { message: `must be a number, or ${timestampHint}` }),
  ],
  {
    error: `must be a number, or ${timestampHint}`,
  },
);

export function check<K extends string, S extends z.ZodRawShape>(kind: K, description: string, shape: S) {
  return z
    .object({
      check: z.literal(kind).describe('The kind of check.'),
      ...shape,
      name,
      severity,
    })
    .strict()
    .describe(description);
}

export const atLeastOneBound = (keys: readonly string[]) => ({
  message: `needs at least one of ${keys.map((k) => `"${k}"`).join(', ')}`,
});
export const hasAny = (value: Record<string, unknown>, keys: readonly string[]) =>
  keys.some((k) => value[k] !== undefined);

/**
 * Bounds no value can meet (min above max, or an empty strict interval) are a mistake in the checks
 * file, not in the data: without this every run would fail as if the data were bad. Reported at
 * `max`, so the message points at the line to fix.
 */
function boundsInOrder(c: {
  min?: number | string | undefined;
  max?: number | string | undefined;
  'strict-min'?: boolean;
  'strict-max'?: boolean;
}): string | undefined {
  if (c.min === undefined || c.max === undefined) return undefined;
  if (typeof c.min !== typeof c.max)
    return `min (${c.min}) and max (${c.max}) must both be numbers or both be timestamps`;
  const low = typeof c.min === 'string' ? parseTimestamp(c.min) : c.min;
  const high = typeof c.max === 'string' ? parseTimestamp(c.max) : c.max;
  if (low === undefined || high === undefined) return undefined; // already reported as malformed
  if (low > high) return `max (${c.max}) is below min (${c.min}), so nothing can pass`;
  if (low === high && (c['strict-min'] || c['strict-max']))
    return `min and max are both ${c.min} and the range is strict, so nothing can pass`;
  return undefined;
}
export const orderedBounds = <T extends Parameters<typeof boundsInOrder>[0]>(c: T, ctx: z.RefinementCtx) => {
  const problem = boundsInOrder(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['max'] });
};

/** The shape of mean, std and median: a column and bounds on the statistic. */
export function statistic<K extends string>(kind: K, description: string) {
  return check(kind, description, {
    column,
    min: z.number().optional().describe('Smallest allowed value of the statistic.'),
    max: z.number().optional().describe('Largest allowed value of the statistic.'),
  })
    .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
    .superRefine(orderedBounds);
}
