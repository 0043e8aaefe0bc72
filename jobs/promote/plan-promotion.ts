import { planEnvironment } from './plan-environment.js';
import type { PromotePorts } from './promote-ports.js';
import type { PromoteSettings } from './promote-settings.js';
import type { PromotionPlan } from './promotion-outcome.js';
import { readOpsConfig } from './read-ops-config.js';
import { resolvePromotedVersion } from './resolve-promoted-version.js';

/**
 * What promoting the version would change, per environment, without writing anything: the version
 * resolved through the registry (it must exist and be active), the ops config from the ops
 * repository's default branch, every target's before → after and each file's diff.
 */
export async function planPromotion(settings: PromoteSettings, ports: PromotePorts): Promise<PromotionPlan> {
  const [{ version, versions }, { config, snapshot }] = await Promise.all([
    resolvePromotedVersion(ports.registry, settings.model, settings.version),
    readOpsConfig(ports.ops, settings.configPath),
  ]);
  const environments = [];
  for (const environment of settings.environments)
    environments.push(
      await planEnvironment({
        ops: ports.ops,
        config,
        defaultSnapshot: snapshot,
        environment,
        version,
        versions,
        request: settings.request,
      }),
    );
  return { model: settings.model, version, opsRepository: ports.ops.name, environments };
}
