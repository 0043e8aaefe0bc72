import { z } from 'zod';
import { closestName } from '../checks/closest-name.js';
import { isMetricName, METRIC_CATALOG } from '../metrics/metric-catalog.js';

const METRIC_NAMES = Object.keys(METRIC_CATALOG);

const confidenceSchema = z
  .number()
  .gt(0, 'must be in (0, 1)')
  .lt(1, 'must be in (0, 1)')
  .describe('Confidence of the paired-bootstrap interval (default 0.95).');

const significanceSchema = z
  .union(
    [
      z
        .literal('improvement')
        .describe('The interval of candidate − production lies wholly on the better side of 0.'),
      z
        .object({
          'non-inferior': z
            .number()
            .min(0, 'must be a margin of 0 or more')
            .describe('The interval reaches no further than this margin on the worse side of 0.'),
        })
        .strict(),
    ],
    { error: 'must be "improvement" or { non-inferior: margin }' },
  )
  .describe(
    'Require the difference from production to be significant: "improvement", or { non-inferior: margin }. Needs both models evaluated on the same holdout.',
  );

/**
 * One metric's rule: MLflow's `MetricThreshold` (the snake_case keys are MLflow's), plus the
 * significance of the difference, which MLflow does not judge.
 */
const metricRuleSchema = z
  .object({
    threshold: z
      .number()
      .optional()
      .describe('The candidate must reach this value (≥ when greater is better, else ≤), inclusive.'),
    min_absolute_change: z
      .number()
      .positive('must be a positive number (as in MLflow)')
      .optional()
      .describe('The candidate must beat production by at least this much, inclusive.'),
    min_relative_change: z
      .number()
      .min(0, 'must be between 0 and 1 (a share of the production value)')
      .max(1, 'must be between 0 and 1 (a share of the production value)')
      .optional()
      .describe(
        'The candidate must beat production by at least this share of its value, inclusive; against a production value of 0, by at least 1e-10 (MLflow).',
      ),
    greater_is_better: z
      .boolean()
      .optional()
      .describe('Known for every Modelship metric (losses and errors are lower-is-better); may be left out.'),
    significance: significanceSchema.optional(),
    confidence: confidenceSchema.default(0.95),
  })
  .strict();

const metricRulesSchema = z.record(z.string(), metricRuleSchema).superRefine(
  (rules, ctx) => {
    checkRules(rules, ctx);
  },
  // Unknown names are reported even when another rule's value is wrong: every problem at once.
  { when: (payload) => isObject(payload.value) },
);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Names and rules the schema of one rule cannot judge alone (it does not know its metric's name). */
function checkRules(rules: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [name, rule] of Object.entries(rules)) {
    if (!isMetricName(name)) {
      const near = closestName(name, METRIC_NAMES);
      ctx.addIssue({
        code: 'custom',
        path: [name],
        params: { at: 'key' },
        message: `unknown metric "${name}"${near ? ` (did you mean "${near}"?)` : `; the metrics are: ${METRIC_NAMES.join(', ')}`}`,
      });
      continue;
    }
    if (!isObject(rule)) continue;
    const known = METRIC_CATALOG[name].greaterIsBetter;
    if (typeof rule.greater_is_better === 'boolean' && rule.greater_is_better !== known)
      ctx.addIssue({
        code: 'custom',
        path: [name, 'greater_is_better'],
        message: `${name} is ${known ? 'greater' : 'lower'}-is-better; leave greater_is_better out (Modelship knows it for every metric)`,
      });
    const ruleKeys = ['threshold', 'min_absolute_change', 'min_relative_change', 'significance'] as const;
    if (ruleKeys.every((key) => rule[key] === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [name],
        params: { at: 'key' },
        message: `no rule for ${name}: set threshold, min_absolute_change, min_relative_change or significance`,
      });
  }
}

/** The `gate:` section of .github/modelship.yml: the rules a candidate model must pass. */
export const gateConfigSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^\s<>]+$/, 'must be one word without spaces, < or > (it marks the pull request comment)')
      .default('model')
      .describe('The model this gate judges: one pull request comment is kept per name.'),
    metrics: metricRulesSchema
      .default({})
      .describe(
        'Rules per metric, by the metric names of `modelship evaluate` (roc_auc, log_loss, rmse, …).',
      ),
    resamples: z
      .number()
      .int()
      .min(100, 'must be at least 100')
      .max(100_000)
      .default(1000)
      .describe('Paired-bootstrap resamples for the significance intervals.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1, 'must be an integer from 0 to 4294967295 (the bootstrap seeds 32-bit streams)')
      .default(0)
      .describe('Seed of the bootstrap: the same data gives the same intervals.'),
    'check-name': z.string().min(1).max(100).default('Modelship gate').describe('Name of the check run.'),
    comment: z
      .boolean()
      .default(true)
      .describe('Keep one comment with the comparison on the pull request (updated on every push).'),
  })
  .strict();

export type GateConfig = z.output<typeof gateConfigSchema>;
export type MetricRuleConfig = z.output<typeof metricRuleSchema>;
