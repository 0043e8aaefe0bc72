import type { EnvironmentPlan, PromotionOutcome, PromotionPlan } from '../../promotion/promotion-outcome.js';

/** A plan as JSON: everything but the files' full new text (the diffs say what changes). */
function planJson(env: EnvironmentPlan) {
  const { changes, ...rest } = env;
  return { ...rest, changedFiles: changes.map((c) => c.path) };
}

export function promotionPlanJson(plan: PromotionPlan) {
  return {
    model: plan.model,
    version: plan.version.version,
    opsRepository: plan.opsRepository,
    dryRun: true,
    environments: plan.environments.map(planJson),
  };
}

export function promotionOutcomeJson(outcome: PromotionOutcome) {
  return {
    model: outcome.model,
    version: outcome.version.version,
    opsRepository: outcome.opsRepository,
    environments: outcome.environments.map(({ plan, ...result }) => ({ ...result, plan: planJson(plan) })),
  };
}
