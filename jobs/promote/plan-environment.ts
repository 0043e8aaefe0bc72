import { editManifest } from '../../core/manifests/edit-manifest.js';
import { readManifestValues } from '../../core/manifests/read-manifest-values.js';
import { unifiedDiff } from '../../core/manifests/unified-diff.js';
import { fillTemplate } from '../../core/promotion/fill-template.js';
import { environmentOf, type OpsConfig } from '../../core/promotion/parse-ops-config.js';
import {
  promotionCommitMessage,
  type PromotionRequest,
} from '../../core/promotion/promotion-commit-message.js';
import { versionOfValue } from '../../core/promotion/version-of-value.js';
import type { ModelVersion } from '../../core/registry/registry-types.js';
import { environmentTargets, type PlannedTarget } from './environment-targets.js';
import type { OpsRepository, OpsSnapshot } from './promote-ports.js';
import type { EnvironmentPlan, FilePlan, TargetChange } from './promotion-outcome.js';

/**
 * One environment's plan at its branch's current head: every target's value filled for the version,
 * each file edited once with all its changes (only the values' bytes change), the diff, and the
 * version the environment ran before. Reads only; nothing is written.
 */
export async function planEnvironment(options: {
  ops: OpsRepository;
  config: OpsConfig;
  /** The default branch's snapshot the config came from (reused when the environment's branch is it). */
  defaultSnapshot: OpsSnapshot;
  environment: string;
  version: ModelVersion;
  versions: readonly ModelVersion[];
  request: PromotionRequest;
}): Promise<EnvironmentPlan> {
  const { ops, config, defaultSnapshot, environment: name, version, versions, request } = options;
  const environment = environmentOf(config, name);
  const branch = environment.branch ?? defaultSnapshot.defaultBranch;
  const snapshot = branch === defaultSnapshot.branch ? defaultSnapshot : await ops.snapshot(branch);
  const { targets, texts } = await environmentTargets(config, name, environment, version.model, snapshot);

  const byFile = new Map<string, PlannedTarget[]>();
  for (const target of targets) byFile.set(target.file, [...(byFile.get(target.file) ?? []), target]);

  const changes: TargetChange[] = [];
  const files: FilePlan[] = [];
  const contents: { path: string; content: string }[] = [];
  for (const [file, planned] of byFile) {
    const text = texts.get(file)!;
    const values = planned.map((p) => fillTemplate(p.template, version, p));
    const current = readManifestValues({ file, text, targets: planned.map((p) => p.target) });
    const { text: after } = editManifest({
      file,
      text,
      changes: planned.map((p, i) => ({ target: p.target, value: values[i]! })),
    });
    for (const [i, p] of planned.entries()) {
      for (const found of current.filter((c) => c.target === p.target)) {
        const previous = versionOfValue(p.template, valueOf(p, found.value), version.model, versions);
        changes.push({
          file,
          line: found.line,
          target: p.describe,
          before: found.value,
          after: afterOf(p, found.value, values[i]!),
          ...(previous ? { previous } : {}),
        });
      }
    }
    const changed = after !== text;
    files.push({ path: file, changed, diff: changed ? unifiedDiff(file, text, after) : '' });
    if (changed) contents.push({ path: file, content: after });
  }
  // "was": what the environment ran, from the first target that tells; a target already at the new
  // version says nothing about what ran before when another still held the old one.
  const previous =
    changes.find((c) => c.previous !== undefined && c.previous !== version.version)?.previous ??
    changes.find((c) => c.previous !== undefined)?.previous;
  const message = promotionCommitMessage({
    model: version.model,
    version: version.version,
    environment: name,
    ...(previous && previous !== version.version ? { previous } : {}),
    request,
  });
  return {
    environment: name,
    branch,
    mode: environment.mode,
    commit: snapshot.commit,
    model: version.model,
    version: version.version,
    ...(previous ? { previous } : {}),
    targets: changes,
    files,
    changes: contents,
    nothingToChange: contents.length === 0,
    message: { headline: message.headline, body: message.body, text: message.message },
  };
}

/** A setter's `:tag` part is read back as the part after the image reference's last `:`. */
function valueOf(target: PlannedTarget, value: string): string {
  if (target.target.kind === 'setter' && target.target.part === 'tag')
    return value.slice(value.lastIndexOf(':') + 1);
  return value;
}

function afterOf(target: PlannedTarget, before: string, value: string): string {
  if (target.target.kind === 'setter' && target.target.part === 'tag' && before.includes(':'))
    return `${before.slice(0, before.lastIndexOf(':') + 1)}${value}`;
  return value;
}
