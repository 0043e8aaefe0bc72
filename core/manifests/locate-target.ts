import { describeTarget } from './describe-target.js';
import { locateImage } from './locate-image.js';
import { locateKserve } from './locate-kserve.js';
import { locateKustomizeImage } from './locate-kustomize-image.js';
import { locateYamlPath } from './locate-yaml-path.js';
import type { Located } from './located.js';
import type { AnyManifestTarget } from './manifest-edit-types.js';
import type { ParsedManifest } from './parse-manifest.js';
import type { FoundSetter } from './scan-setters.js';
import { refuse } from './value-slot.js';

/**
 * Where a target's value is in a parsed file. `value` is the value to write (or, when only reading,
 * the target's template: it still tells an image's repository and a digest from a tag); `writing`
 * adds the refusals only a write needs (a new tag under a pinned digest).
 */
export function locateTarget(
  manifest: ParsedManifest,
  target: AnyManifestTarget,
  value: string,
  setters: () => FoundSetter[],
  writing: boolean,
): Located[] {
  const field = describeTarget(target);
  switch (target.kind) {
    case 'image':
      return locateImage(manifest, target, value, field);
    case 'kserve':
      return locateKserve(manifest, field);
    case 'yaml':
      return locateYamlPath(manifest, target.path, field);
    case 'kustomize-image':
      return locateKustomizeImage(manifest, target, value, field, writing);
    case 'setter': {
      const found = setters().find((s) => s.target.line === target.line);
      if (!found || found.target.model !== target.model || found.target.part !== target.part) {
        refuse(
          manifest,
          undefined,
          field,
          `no ${JSON.stringify({ $modelship: target.part === 'tag' ? `${target.model}:tag` : target.model })} marker at line ${target.line}${found ? ` (the marker there is for ${found.target.model}${found.target.part === 'tag' ? ':tag' : ''})` : ''}`,
        );
      }
      return [found.located];
    }
  }
}
