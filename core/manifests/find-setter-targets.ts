import type { SetterTarget } from './manifest-edit-types.js';
import { parseManifest } from './parse-manifest.js';
import { scanSetters } from './scan-setters.js';

/**
 * The values a file marks for promotion with Flux-style setter comments, `# {"$modelship": "fraud"}`
 * (the whole value) or `# {"$modelship": "fraud:tag"}` (an image's tag), in line order. A malformed
 * marker, or one on a value that cannot be changed byte for byte, is refused with its line.
 */
export function findSetterTargets({ file, text }: { file: string; text: string }): SetterTarget[] {
  if (!text.includes('$modelship')) return [];
  return scanSetters(parseManifest(file, text)).map((s) => s.target);
}
