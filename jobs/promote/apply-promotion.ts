import type { ModelVersion } from '../../core/registry/registry-types.js';
import { promotionBranch } from '../../core/promotion/promotion-branch.js';
import { planEnvironment } from './plan-environment.js';
import type { PromotePorts } from './promote-ports.js';
import type { PromoteSettings } from './promote-settings.js';
import type { EnvironmentPlan, EnvironmentResult, PromotionOutcome } from './promotion-outcome.js';
import { readOpsConfig } from './read-ops-config.js';
import { resolvePromotedVersion } from './resolve-promoted-version.js';

/**
 * Promotes the version: per environment ONE commit of all its changes (a compare-and-swap on the
 * branch head), or ONE pull request on the stable branch `modelship/ENV/MODEL`. A write that lost a
 * race re-reads the config and the files and plans again, a bounded number of times; nothing to
 * change writes nothing, so a re-run converges.
 */
export async function applyPromotion(
  settings: PromoteSettings,
  ports: PromotePorts,
): Promise<PromotionOutcome> {
  const { version, versions } = await resolvePromotedVersion(
    ports.registry,
    settings.model,
    settings.version,
  );
  const results: EnvironmentResult[] = [];
  for (const environment of settings.environments)
    results.push(await applyToEnvironment(environment, version, versions, settings, ports));
  return { model: settings.model, version, opsRepository: ports.ops.name, environments: results };
}

async function applyToEnvironment(
  environment: string,
  version: ModelVersion,
  versions: readonly ModelVersion[],
  settings: PromoteSettings,
  { ops }: PromotePorts,
): Promise<EnvironmentResult> {
  let plan: EnvironmentPlan | undefined;
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    // Re-read everything on each attempt: the branch moved, and the config may have too.
    const { config, snapshot } = await readOpsConfig(ops, settings.configPath);
    plan = await planEnvironment({
      ops,
      config,
      defaultSnapshot: snapshot,
      environment,
      version,
      versions,
      request: settings.request,
    });
    const attempts = attempt;
    if (plan.mode === 'pull-request') {
      // A pull request against a branch that already runs the version has nothing to propose.
      if (plan.nothingToChange) return { environment, status: 'unchanged', plan, attempts };
      const result = await ops.openOrUpdatePullRequest({
        base: plan.branch,
        baseCommit: plan.commit,
        branch: promotionBranch(environment, settings.model),
        title: plan.message.headline,
        body: plan.message.body,
        changes: plan.changes,
        message: plan.message.text,
      });
      if ('stale' in result) continue;
      if ('refused' in result)
        return { environment, status: 'refused', plan, attempts, reason: result.refused };
      return { environment, status: 'pull-request', plan, attempts, pullRequest: result };
    }
    if (plan.nothingToChange) return { environment, status: 'unchanged', plan, attempts };
    const result = await ops.commit({
      branch: plan.branch,
      expectedHead: plan.commit,
      changes: plan.changes,
      message: plan.message.text,
    });
    if ('stale' in result) continue;
    if ('refused' in result)
      return { environment, status: 'refused', plan, attempts, reason: result.refused };
    return {
      environment,
      status: 'committed',
      plan,
      attempts,
      commit: result.commit,
      ...(result.url ? { url: result.url } : {}),
    };
  }
  return {
    environment,
    status: 'refused',
    plan: plan!,
    attempts: settings.attempts,
    reason: `branch ${plan!.branch} of ${ops.name} moved under each of ${settings.attempts} attempts to write; nothing was written. Try again`,
  };
}
