import { readManifestValues } from '../../core/manifests/read-manifest-values.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import { versionOfValue } from '../../core/promotion/version-of-value.js';
import { environmentTargets, type PlannedTarget } from './environment-targets.js';
import type { PromotePorts } from './promote-ports.js';
import type { StatusSettings } from './promote-settings.js';
import type { EnvironmentStatus, StatusOutcome, TargetStatus } from './promotion-outcome.js';
import { readOpsConfig } from './read-ops-config.js';
import { registeredVersions } from './resolve-promoted-version.js';

/**
 * Which version each environment runs, per target, read from the manifests on each environment's
 * branch and mapped back to versions through the targets' templates (`…:v5.1.0` under `…:{version}`,
 * an artifact URI under `{uri}` through the registry's records). Targets of one environment that
 * disagree are reported, not averaged away: that is a half-done promotion or a hand edit.
 */
export async function readEnvironmentStatus(
  settings: StatusSettings,
  ports: Pick<PromotePorts, 'ops' | 'registry'>,
): Promise<StatusOutcome> {
  const [versions, { config, snapshot: defaultSnapshot }] = await Promise.all([
    registeredVersions(ports.registry, settings.model),
    readOpsConfig(ports.ops, settings.configPath),
  ]);
  // Every environment with a target for the model, unless some were asked for by name.
  const names =
    settings.environments ??
    Object.entries(config.environments)
      .filter(([, e]) => e.files?.length || e.targets.some((t) => t.model === settings.model))
      .map(([name]) => name);
  const environments: EnvironmentStatus[] = [];
  for (const name of names) {
    const environment = environmentOf(config, name);
    const branch = environment.branch ?? defaultSnapshot.defaultBranch;
    const snapshot = branch === defaultSnapshot.branch ? defaultSnapshot : await ports.ops.snapshot(branch);
    let found: { targets: PlannedTarget[]; texts: Map<string, string> };
    try {
      found = await environmentTargets(config, name, environment, settings.model, snapshot);
    } catch (error) {
      // An environment that only scans files, none of which mention the model, runs nothing of it.
      if (settings.environments === undefined && environment.targets.every((t) => t.model !== settings.model))
        continue;
      throw error;
    }
    const targets: TargetStatus[] = [];
    const byFile = new Map<string, PlannedTarget[]>();
    for (const target of found.targets) byFile.set(target.file, [...(byFile.get(target.file) ?? []), target]);
    for (const [file, planned] of byFile) {
      const values = readManifestValues({
        file,
        text: found.texts.get(file)!,
        targets: planned.map((p) => p.target),
      });
      for (const p of planned)
        for (const v of values.filter((x) => x.target === p.target)) {
          const value = v.value ?? '';
          const version = versionOfValue(p.template, value, settings.model, versions);
          targets.push({ file, line: v.line, target: p.describe, value, ...(version ? { version } : {}) });
        }
    }
    const distinct = new Set(targets.map((t) => t.version ?? `?${t.value}`));
    const version = distinct.size === 1 ? targets[0]?.version : undefined;
    environments.push({
      environment: name,
      branch,
      commit: snapshot.commit,
      targets,
      ...(version ? { version } : {}),
      disagreement: distinct.size > 1,
    });
  }
  return { model: settings.model, opsRepository: ports.ops.name, environments };
}
