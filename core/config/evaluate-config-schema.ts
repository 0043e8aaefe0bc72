import { z } from 'zod';

const columnName = z.string().min(1);

/** A numeric column cut into bins at the given edges: `[0, 18, 65, 120]` is three slices. */
const binnedSliceSchema = z
  .object({
    column: columnName.describe('A numeric column.'),
    bins: z
      .array(z.number().refine(Number.isFinite, 'must be a finite number'))
      .min(2, 'needs at least two edges (one bin)')
      .refine(
        (edges) => edges.every((edge, i) => i === 0 || edge > edges[i - 1]!),
        'the edges must increase strictly',
      )
      .describe('Bin edges in increasing order; a row falls in [edge, next edge), the last bin is closed.'),
  })
  .strict();

const sliceSchema = z
  .union([columnName.describe('A categorical column: one slice per value.'), binnedSliceSchema])
  .describe('A column whose values (or bins) slice the holdout; every metric is reported per slice.');

/** The `evaluate:` section of .github/modelship.yml: how the evaluate job reads the holdout and the model. */
export const evaluateConfigSchema = z
  .object({
    label: columnName.optional().describe('The column holding the true label (or target, for regression).'),
    features: z
      .array(columnName)
      .min(1)
      .optional()
      .describe(
        "Feature columns in the model's input order; by default every column but the label, id and slice columns, in file order.",
      ),
    'id-columns': z.array(columnName).default([]).describe('Columns that identify a row (never a feature).'),
    slices: z.array(sliceSchema).default([]),
    sensitive: columnName
      .optional()
      .describe(
        'A column of group membership: demographic parity and equalized odds differences across its values.',
      ),
    task: z
      .enum(['binary', 'multiclass', 'regression'])
      .optional()
      .describe("The task; by default detected from the model's outputs."),
    'positive-label': z
      .union([z.string().min(1), z.number()])
      .optional()
      .describe(
        "Binary: the positive class as the label column writes it (default: the model's second class).",
      ),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "Binary: predict the positive class when its probability is at least this (default: the model's label output, else 0.5).",
      ),
    missing: z
      .enum(['error', 'drop'])
      .default('error')
      .describe(
        'A missing feature value: an error naming the row and column, or drop the row (and count it).',
      ),
    'latency-sample': z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(200)
      .describe('Rows timed one at a time (after warm-up) for the latency percentiles.'),
  })
  .strict();

export type EvaluateConfig = z.output<typeof evaluateConfigSchema>;
export type SliceConfig = z.output<typeof sliceSchema>;
