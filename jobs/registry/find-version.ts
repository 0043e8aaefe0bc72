import { UserError } from '../../core/errors.js';
import { normalizeVersion } from '../../core/registry/semver.js';
import type { ModelState, ModelVersion } from '../../core/registry/registry-types.js';

/**
 * The exact version a write names (`v5.1.2` or `5.1.2`): writes take no ranges — `deregister fraud v5`
 * must not pick a version for the user.
 */
export function findExactVersion(model: ModelState, version: string): ModelVersion {
  const wanted = normalizeVersion(version);
  const found = model.versions.find((v) => v.version === wanted);
  if (found) return found;
  const known = model.versions.map((v) => v.version).slice(0, 5);
  throw new UserError(
    'not-found',
    `${model.name} has no version ${wanted}${known.length > 0 ? ` (its latest: ${known.join(', ')})` : ''}`,
  );
}
