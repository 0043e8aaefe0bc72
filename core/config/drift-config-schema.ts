import { z } from 'zod';
import { DRIFT_TEST_NAMES } from '../drift/drift-tests.js';

const driftTestSchema = z
  .enum(DRIFT_TEST_NAMES)
  .describe(`Statistical test, by Evidently's stattest name (${DRIFT_TEST_NAMES.join(', ')}).`);

const thresholdSchema = z
  .number()
  .positive()
  .describe('p-value tests: drift when p < threshold; distance tests: drift when distance ≥ threshold.');

const columnDriftConfigSchema = z
  .object({
    test: driftTestSchema.optional(),
    threshold: thresholdSchema.optional(),
    skip: z.boolean().default(false).describe('Leave this column out of the drift verdict.'),
    kind: z
      .enum(['numerical', 'categorical'])
      .optional()
      .describe('Compare as numbers or as category frequencies (default: inferred from the data).'),
  })
  .strict();

/**
 * Column names are data, and any text can be one — `constructor`, `toString`, `__proto__`. A plain
 * object would answer `constructor` with Object's constructor, and zod drops a `__proto__` key
 * outright (so such a column's settings would vanish without a word). So the settings become a Map:
 * a `__proto__` key is escaped past zod's record and restored after it, and the JSON schema still
 * shows a record (its input side).
 */
const ESCAPE = '\u0000';
const escapeKey = (key: string) => (key === '__proto__' || key.startsWith(ESCAPE) ? ESCAPE + key : key);
const unescapeKey = (key: string) => (key.startsWith(ESCAPE) ? key.slice(1) : key);

const columnSettingsSchema = z.preprocess(
  (value: unknown) => {
    // A parsed config parsed again (the CLI overrides drift-share) brings its Map.
    const entries =
      value instanceof Map
        ? [...(value as Map<string, unknown>)]
        : value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value)
          : undefined;
    return entries ? Object.fromEntries(entries.map(([k, v]) => [escapeKey(k), v])) : value;
  },
  z
    .record(z.string(), columnDriftConfigSchema)
    .transform((settings) => new Map(Object.entries(settings).map(([k, v]) => [unescapeKey(k), v]))),
);

/** The `drift:` section of .github/modelship.yml: defaults for the drift-report action and CLI. */
export const driftConfigSchema = z
  .object({
    reference: z
      .string()
      .min(1)
      .optional()
      .describe('Reference data (usually the training set): a path, a glob, or an s3:// URI.'),
    current: z
      .string()
      .min(1)
      .optional()
      .describe('Current data (what the model sees now): a path, a glob, or an s3:// URI.'),
    'drift-share': z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe('The dataset drifts when drifted columns / tested columns reach this share.'),
    'max-missing-share': z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe(
        "The comparison fails when more than this share of the reference's columns (ignored ones aside) is missing from the current data. Default 0: any missing column fails; list a column under ignore, or raise this, to allow it. A comparison with no column to test always fails.",
      ),
    'conclusion-on-drift': z
      .enum(['failure', 'neutral'])
      .default('failure')
      .describe('Check run conclusion when the dataset drifts.'),
    'check-name': z.string().min(1).max(100).default('Modelship drift').describe('Name of the check run.'),
    'check-run-required': z
      .boolean()
      .default(false)
      .describe(
        'Fail the step when the check run cannot be posted (no checks: write permission, a fork); by default a warning.',
      ),
    columns: columnSettingsSchema
      .default(() => new Map())
      .describe('Per-column settings: test, threshold, kind, or skip.'),
    ignore: z.array(z.string()).default([]).describe('Columns left out entirely (ids, timestamps).'),
    thresholds: z
      .partialRecord(driftTestSchema, thresholdSchema)
      .default({})
      .describe('Default threshold per test, overriding the built-in ones (e.g. { ks: 0.01 }).'),
  })
  .strict();

export type DriftConfig = z.output<typeof driftConfigSchema>;
export type ColumnDriftConfig = z.output<typeof columnDriftConfigSchema>;
