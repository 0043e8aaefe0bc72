import type { AnyManifestTarget } from './manifest-edit-types.js';

/** A target as errors, plans and commit messages name it. */
export function describeTarget(target: AnyManifestTarget): string {
  switch (target.kind) {
    case 'image':
      return target.container === undefined
        ? `image (containers running ${repositoryOf(target.value.replaceAll('{name}', target.model))})`
        : `image of container ${target.container}`;
    case 'kserve':
      return 'kserve storageUri';
    case 'yaml':
      return `yaml ${target.path}`;
    case 'kustomize-image':
      return `kustomize-image ${target.image}`;
    case 'setter':
      return `setter ${JSON.stringify({ $modelship: target.part === 'tag' ? `${target.model}:tag` : target.model })} at line ${target.line}`;
  }
}

/** The repository of a value template (`ghcr.io/acme/fraud:{version}` → `ghcr.io/acme/fraud`). */
function repositoryOf(value: string): string {
  const name = value.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}
