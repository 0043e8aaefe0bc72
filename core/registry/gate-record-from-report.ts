import { z } from 'zod';
import { UserError } from '../errors.js';
import type { GateRecord } from './version-record-schema.js';

const numberOrNull = z.union([z.number(), z.null(), z.object({ notComputable: z.string() })]);

/** The parts of the metric-gate action's JSON report (core/report/gate/gate-json.ts) a version records. */
const gateReportSchema = z.object({
  passed: z.boolean(),
  failures: z.array(z.string()).default([]),
  metrics: z.record(
    z.string(),
    z.object({
      candidate: numberOrNull,
      production: numberOrNull,
      interval: z
        .union([
          z.object({ low: z.number(), high: z.number(), confidence: z.number() }),
          z.object({ notComputable: z.string() }),
          z.null(),
        ])
        .optional(),
      passed: z.boolean().nullable(),
      failures: z.array(z.string()).default([]),
    }),
  ),
});

const value = (v: z.output<typeof numberOrNull>) => (typeof v === 'number' ? v : null);

/**
 * The gate report → the version's gate record: the verdict and every judged metric, failed ones
 * first (the report's order within each group). A file of another shape is refused naming it.
 */
export function gateRecordFromReport(text: string, file: string): GateRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError('input', `not valid JSON: ${(error as Error).message}`, { file });
  }
  const parsed = gateReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(
      'input',
      `not a gate report of the metric-gate action (\`modelship gate --report\`): ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      { file, field: issue.path.join('.') },
    );
  }
  const rules = Object.entries(parsed.data.metrics)
    .filter(([, m]) => m.passed !== null)
    .map(([metric, m]) => ({
      metric,
      passed: m.passed!,
      value: value(m.candidate),
      ...(m.production !== null ? { baseline: value(m.production) } : {}),
      ...(m.interval && 'low' in m.interval
        ? { interval: [m.interval.low, m.interval.high] as [number, number] }
        : {}),
      ...(m.failures.length > 0 ? { reason: m.failures.join('; ') } : {}),
    }));
  return {
    verdict: parsed.data.passed ? 'passed' : 'failed',
    rules: [...rules.filter((r) => !r.passed), ...rules.filter((r) => r.passed)],
  };
}
