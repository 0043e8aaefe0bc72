import { z } from 'zod';

export const failOnSchema = z
  .enum(['error', 'warning', 'never'])
  .describe('Fail when a check of this severity (or worse) fails; "never" only reports.');

export const dataFormatSchema = z
  .enum(['csv', 'jsonl', 'parquet'])
  .describe(
    'Data format; by default from the file extension (.csv, .tsv, .jsonl, .ndjson, .parquet, each optionally .gz).',
  );

/** The `validate:` section of .github/modelship.yml: defaults for the validate-data action and CLI. */
export const validateConfigSchema = z
  .object({
    data: z.string().min(1).optional().describe('Data to validate: a path, a glob, or an s3:// URI.'),
    checks: z
      .string()
      .min(1)
      .optional()
      .describe('Path of the checks file (YAML with a "checks:" list), relative to the repository root.'),
    format: dataFormatSchema.optional(),
    delimiter: z
      .string()
      .length(1)
      .optional()
      .describe('CSV field delimiter (default "," and tab for .tsv).'),
    'fail-on': failOnSchema.default('error'),
    'max-annotations': z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(10)
      .describe(
        'Most failing rows annotated in the pull request (the rest are counted in the summary); at least this many examples are kept per check.',
      ),
    examples: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(20)
      .describe('Failing examples kept per check (at least max-annotations).'),
  })
  .strict();

export type FailOn = z.output<typeof failOnSchema>;
export type ValidateConfig = z.output<typeof validateConfigSchema>;
