import { z } from 'zod';
import { UserError } from '../errors.js';
import type { MetricValue } from '../metrics/metric-value.js';
import type { Task } from '../metrics/predictions.js';

/** One slice's metrics, as `modelship evaluate` reports them under `slices`. */
export interface SliceMetrics {
  column: string;
  /** The slice's value (or bin, e.g. `[18, 65)`) as text. */
  value: string;
  rows: number;
  metrics: Record<string, MetricValue>;
}

/** What the gate reads of a model's evaluation: the file `modelship evaluate --output` writes. */
export interface MetricsReport {
  task: Task;
  rows: number;
  metrics: Record<string, MetricValue>;
  slices: SliceMetrics[];
}

const metricValueSchema = z.union([z.number(), z.null(), z.object({ notComputable: z.string() })], {
  error: 'must be a number, or {"notComputable": "reason"}',
});

const metricsSchema = z.record(z.string(), metricValueSchema, {
  error: 'must be an object of metric names and values, e.g. {"roc_auc": 0.91}',
});

const metricsReportSchema = z.object({
  task: z.enum(['binary', 'multiclass', 'regression'], {
    error: 'must be "binary", "multiclass" or "regression"',
  }),
  rows: z.number({ error: 'must be the number of rows evaluated' }).int().min(0),
  metrics: metricsSchema,
  slices: z
    .array(
      z.object({
        column: z.string(),
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        rows: z.number().int().min(0),
        metrics: metricsSchema,
      }),
      { error: 'must be a list of {"column", "value", "rows", "metrics"}' },
    )
    .optional(),
});

/**
 * Reads a metrics file (`modelship evaluate --output`, or production's kept from an earlier run).
 * Other fields (latency, confusion matrix) are the evaluation's and ignored here; a file of another
 * shape is refused naming the file and the field, with every problem at once.
 */
export function parseMetricsReport(text: string, file: string): MetricsReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError('input', `not valid JSON: ${message}`, { file, ...jsonErrorLine(message, text) });
  }
  const result = metricsReportSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) =>
        `${issue.path.length > 0 ? fieldOf(issue.path) : '(top level)'}: ${present(json, issue.path) ? issue.message : 'is missing'}`,
    );
    const first = result.error.issues[0]!;
    throw new UserError(
      'input',
      `not a metrics file of \`modelship evaluate --output\`: ${problems[0]}`,
      { file, ...(first.path.length > 0 ? { field: fieldOf(first.path) } : {}) },
      problems.slice(1),
    );
  }
  const { task, rows, metrics, slices } = result.data;
  return {
    task,
    rows,
    metrics: metricValues(metrics),
    slices: (slices ?? []).map((s) => ({
      column: s.column,
      value: String(s.value),
      rows: s.rows,
      metrics: metricValues(s.metrics),
    })),
  };
}

/** `null` is how a JSON writer may have kept a value that has none. */
function metricValues(
  raw: Record<string, number | null | { notComputable: string }>,
): Record<string, MetricValue> {
  const values: Record<string, MetricValue> = {};
  for (const [name, value] of Object.entries(raw))
    values[name] = value === null ? { notComputable: 'the metrics file has no value (null)' } : value;
  return values;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Whether the file has a value at `path` (a missing field reads better than its expected type). */
function present(json: unknown, path: readonly PropertyKey[]): boolean {
  let at = json;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

/** V8 names the offset of a JSON syntax error; the line is what an editor can jump to. */
function jsonErrorLine(message: string, text: string): { line?: number } {
  const position = /position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length };
}
