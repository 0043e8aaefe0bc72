import { locateTarget } from './locate-target.js';
import type { AnyManifestTarget, ManifestValue } from './manifest-edit-types.js';
import { parseManifest } from './parse-manifest.js';
import { scanSetters, type FoundSetter } from './scan-setters.js';

export interface ReadManifestValuesInput {
  file: string;
  text: string;
  targets: readonly AnyManifestTarget[];
}

/**
 * The value each target holds now, with its line: what runs where, and what a rollback returns
 * to. Targets are found exactly as editManifest finds them (the same refusals), with the target's
 * template as the value: it names an image's repository and tells a digest from a tag. A target
 * matching several values (an image in two Deployments) gives one entry per value.
 */
export function readManifestValues({ file, text, targets }: ReadManifestValuesInput): ManifestValue[] {
  if (targets.length === 0) return [];
  const manifest = parseManifest(file, text);
  let setters: FoundSetter[] | undefined;
  const lazySetters = () => (setters ??= scanSetters(manifest));
  return targets.flatMap((target) => {
    const template = target.kind === 'setter' ? '' : target.value;
    return locateTarget(manifest, target, template, lazySetters, false).map(({ slot, read }) => ({
      target,
      line: slot.line,
      column: slot.column,
      value: read(slot.current),
    }));
  });
}
