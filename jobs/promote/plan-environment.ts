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
  // The named manifests come with the branch's head (one read, not two); scanned globs are listed later.
  const snapshot =
    branch === defaultSnapshot.branch
      ? defaultSnapshot
      : await ops.snapshot(
          branch,
          environment.targets.map((t) => t.file),
        );
  const { targets, texts } = await environmentTargets(config, name, environment, version.model, snapshot);

  const byFile = new Map<string, PlannedTarget[]>();
  for (const target of targets) byFile.set(target.file, [...(byFile.get(target.file) ?? []), target]);

  const changes: TargetChange[] = [];
  const files: FilePlan[] = [];
  const contents: { path: string; content: string }[] = [];
  for (const [file, planned] of byFile) {
    const text = texts.get(file)!;
    const values = planned.map((p) =>
      fillTemplate(p.template, version, { describe: `${file} (${p.describe})`, where: p.where }),
    );
    const fileTargets = planned.map((p) => p.target);
    const { text: after } = editManifest({
      file,
      text,
      changes: planned.map((p, i) => ({ target: p.target, value: values[i]! })),
    });
    // Read back from both texts as status reads them: what the target holds before and after, the
    // same way (an image's whole reference, a setter's tag) and at the same places.
    const before = readManifestValues({ file, text, targets: fileTargets });
    const now = after === text ? before : readManifestValues({ file, text: after, targets: fileTargets });
    for (const [i, found] of before.entries()) {
      const p = planned[fileTargets.indexOf(found.target)]!;
      const value = found.value ?? '';
      const previous = versionOfValue(p.template, value, version.model, versions);
      changes.push({
        file,
        line: found.line,
        target: p.describe,
        before: value,
        after: now[i]?.value ?? '',
        ...(previous ? { previous } : {}),
      });
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
