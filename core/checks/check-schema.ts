import { z } from 'zod';
import { dataFormatSchema } from '../config/validate-config-schema.js';
import { parseDuration } from './parse-duration.js';
import { patternTest } from './regex/pattern-test.js';
import { parseTimestamp } from '../data/parse-timestamp.js';

/**
 * The checks file: the single source of truth for the checks' types, defaults and messages. The
 * JSON Schema that editors use is generated from it (`z.toJSONSchema`), hence a description on
 * every field. Entries are flat and discriminated by `check`, with kebab-case keys throughout.
 */

const column = z.string().min(1).describe('Name of the column the check reads.');
const columnList = z.array(z.string().min(1)).min(1);
const severity = z
  .enum(['error', 'warning'])
  .default('error')
  .describe('What a failure means: "error" fails validation, "warning" is only reported.');
const name = z
  .string()
  .min(1)
  .optional()
  .describe('Name shown in reports; by default the check and its columns, like "not-null(age)".');
const mostly = z
  .number()
  .min(0)
  .max(1)
  .default(1)
  .describe('Pass when at least this fraction of the non-missing values pass (default 1: all of them).');
const fraction = z.number().min(0).max(1);
const count = z.number().int().min(0);

const timestampHint = 'an ISO 8601 timestamp such as 2024-05-01 or 2024-05-01T12:00:00Z';
/** A bound on values: a number, or an ISO timestamp for timestamp columns. */
const valueBound = z.union(
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

function check<K extends string, S extends z.ZodRawShape>(kind: K, description: string, shape: S) {
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

const atLeastOneBound = (keys: readonly string[]) => ({
  message: `needs at least one of ${keys.map((k) => `"${k}"`).join(', ')}`,
});
const hasAny = (value: Record<string, unknown>, keys: readonly string[]) =>
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
const orderedBounds = <T extends Parameters<typeof boundsInOrder>[0]>(c: T, ctx: z.RefinementCtx) => {
  const problem = boundsInOrder(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['max'] });
};

const columnsPresent = check('columns-present', 'Every listed column exists.', {
  columns: columnList.describe('Columns that must exist.'),
});
const columnsAbsent = check('columns-absent', 'None of the listed columns exists (e.g. a leaked label).', {
  columns: columnList.describe('Columns that must not exist.'),
});
const columnsInOrder = check(
  'columns-in-order',
  'The listed columns appear in this relative order; with exact, the header is exactly this list.',
  {
    columns: columnList.describe('Columns in their expected order.'),
    exact: z.boolean().default(false).describe('Require the header to equal the list exactly.'),
  },
);
const columnType = check(
  'column-type',
  "The column's values have this type (integer data also passes float).",
  {
    column,
    type: z
      .enum(['integer', 'float', 'boolean', 'string', 'timestamp'])
      .describe('Expected type: integer, float, boolean, string or timestamp.'),
  },
);
const notNull = check('not-null', 'No value is missing.', { column, mostly });
const nullRate = check('null-rate', 'The share of missing values is at most max.', {
  column,
  max: fraction.describe('Largest allowed share of missing values, 0 to 1.'),
});
const unique = check(
  'unique',
  'No value (or combination of values) repeats; rows with a missing key part never count as duplicates.',
  {
    column: column.optional().describe('The column whose values must be unique.'),
    columns: columnList.optional().describe('Columns forming a compound key that must be unique.'),
  },
).refine((c) => (c.column === undefined) !== (c.columns === undefined), {
  message: 'needs either "column" or "columns" (a compound key), not both',
});
const minCheck = check('min', 'Every value is at least value (greater than value with strict).', {
  column,
  value: valueBound.describe('Lower bound: a number, or an ISO timestamp for timestamp columns.'),
  strict: z.boolean().default(false).describe('Require values strictly greater than the bound.'),
  mostly,
});
const maxCheck = check('max', 'Every value is at most value (less than value with strict).', {
  column,
  value: valueBound.describe('Upper bound: a number, or an ISO timestamp for timestamp columns.'),
  strict: z.boolean().default(false).describe('Require values strictly less than the bound.'),
  mostly,
});
const between = check('between', 'Every value lies within the bounds.', {
  column,
  min: valueBound.optional().describe('Lower bound: a number, or an ISO timestamp for timestamp columns.'),
  max: valueBound.optional().describe('Upper bound: a number, or an ISO timestamp for timestamp columns.'),
  'strict-min': z.boolean().default(false).describe('Require values strictly greater than min.'),
  'strict-max': z.boolean().default(false).describe('Require values strictly less than max.'),
  mostly,
})
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);
const allowedValues = check('allowed-values', 'Every value is one of the listed values.', {
  column,
  values: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .describe('The allowed values (strings, numbers or booleans).'),
  mostly,
});
const regex = check('regex', 'Every value matches the pattern (anchor it with ^…$ for a full match).', {
  column,
  pattern: z
    .string()
    .min(1)
    .superRefine((pattern, ctx) => {
      const problem = regexProblem(pattern);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${problem}` });
        return;
      }
      const run = patternTest(pattern);
      if ('problem' in run) ctx.addIssue({ code: 'custom', message: run.problem });
    })
    .describe('A JavaScript regular expression.'),
  mostly,
});
const stringLength = check('string-length', "Every value's length in characters lies within the bounds.", {
  column,
  min: count.optional().describe('Shortest allowed length.'),
  max: count.optional().describe('Longest allowed length.'),
  mostly,
})
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);
const rowCount = check('row-count', 'The number of rows lies within the bounds.', {
  min: count.optional().describe('Fewest rows allowed.'),
  max: count.optional().describe('Most rows allowed.'),
})
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);

function statistic<K extends string>(kind: K, description: string) {
  return check(kind, description, {
    column,
    min: z.number().optional().describe('Smallest allowed value of the statistic.'),
    max: z.number().optional().describe('Largest allowed value of the statistic.'),
  })
    .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
    .superRefine(orderedBounds);
}
const mean = statistic('mean', 'The mean of the non-missing values lies within the bounds.');
const std = statistic('std', 'The sample standard deviation (ddof 1, as pandas) lies within the bounds.');
const median = statistic('median', 'The median of the non-missing values lies within the bounds.');
const quantile = check(
  'quantile',
  'The q quantile (linear interpolation, as pandas and numpy) lies within the bounds.',
  {
    column,
    q: fraction.describe('The quantile, 0 to 1 (0.5 is the median).'),
    min: z.number().optional().describe('Smallest allowed value of the quantile.'),
    max: z.number().optional().describe('Largest allowed value of the quantile.'),
  },
)
  .refine((c) => hasAny(c, ['min', 'max']), atLeastOneBound(['min', 'max']))
  .superRefine(orderedBounds);
const freshness = check('freshness', 'The newest timestamp is no older than max-age.', {
  column,
  'max-age': z
    .string()
    .refine((s) => parseDuration(s) !== undefined, {
      message: 'must be a duration like 90m, 36h, 7d, 1w or 1d12h',
    })
    // A zero window fails on every dataset (the newest value is always older than now).
    .refine((s) => parseDuration(s) !== 0, { message: 'must be longer than zero, so some data can pass' })
    .describe('Largest allowed age of the newest value: 90m, 36h, 7d, 1w, or combinations like 1d12h.'),
});

const checkOptions = [
  columnsPresent,
  columnsAbsent,
  columnsInOrder,
  columnType,
  notNull,
  nullRate,
  unique,
  minCheck,
  maxCheck,
  between,
  allowedValues,
  regex,
  stringLength,
  rowCount,
  mean,
  std,
  median,
  quantile,
  freshness,
] as const;

/** Every check kind, in the order the documentation lists them. */
export const CHECK_KINDS = checkOptions.map((o) => o.shape.check.value);

export const checkSchema = z
  .discriminatedUnion('check', checkOptions, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = (issue.input as { check?: unknown } | undefined)?.check;
      const head = kind === undefined ? 'missing "check:"' : `unknown check ${JSON.stringify(kind)}`;
      return `${head}; the checks are: ${CHECK_KINDS.join(', ')}`;
    },
  })
  .describe('One check on the data.');

export const checksFileSchema = z
  .object({
    checks: z
      .array(checkSchema, {
        error: (issue) =>
          issue.input === undefined
            ? 'missing: a checks file lists its checks under a "checks:" key'
            : issue.input === null
              ? 'is empty, so there is nothing to check: list the checks under it'
              : undefined,
      })
      .min(1, { error: 'the list is empty, so there is nothing to check' })
      .describe('The checks to run on the data.'),
    data: z
      .object({
        path: z.string().min(1).optional().describe('Data to check: a path, a glob or an s3:// URI.'),
        format: dataFormatSchema.optional(),
        delimiter: z
          .string()
          .length(1)
          .optional()
          .describe('CSV field delimiter (default "," and tab for .tsv).'),
      })
      .strict()
      .optional()
      .describe('Where the data lives, used when no data is given otherwise.'),
  })
  .strict()
  .describe('A Modelship checks file: declarative checks on a dataset.');

export type Check = z.output<typeof checkSchema>;
export type CheckKind = Check['check'];
export type ChecksFile = z.output<typeof checksFileSchema>;
/** The parameters of one kind of check. */
export type CheckOf<K extends CheckKind> = Extract<Check, { check: K }>;

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    // V8 says `Invalid regular expression: /(/: Unterminated group`; keep the reason.
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}
