import { UserError } from '../errors.js';
import type { RegistryState } from './registry-types.js';
import { bumpSemver, compareSemver, normalizeVersion } from './semver.js';

export type VersionChoice = { bump: 'major' | 'minor' | 'patch' } | { explicit: string };

/** GTO's first version (SemVer.get_minimal). */
export const FIRST_VERSION = 'v0.0.1';

/**
 * The version a registration takes. A bump starts from the highest version ever named in a
 * register or deregister tag of the model — deregistered ones included, unlike GTO, which bumps the
 * highest active version and then fails because the tag exists: a number is never reused. The first
 * version is v0.0.1 (GTO's), whatever the bump. An explicit version that already exists is refused.
 */
export function nextVersion(
  state: RegistryState,
  model: string,
  choice: VersionChoice = { bump: 'patch' },
): string {
  const events = state.models.get(model)?.events ?? [];
  if ('explicit' in choice) {
    const version = normalizeVersion(choice.explicit);
    const existing = events.find(
      (e) => e.version === version && (e.action === 'register' || e.action === 'deregister'),
    );
    if (existing) {
      throw new UserError(
        'input',
        `${model} ${version} already exists (${existing.tag} on commit ${existing.commit.slice(0, 12)}): ` +
          'a version is registered once; choose another version or bump (major, minor or patch)',
        { field: 'version' },
      );
    }
    return version;
  }
  let highest: string | undefined;
  for (const e of events) {
    if ((e.action === 'register' || e.action === 'deregister') && e.version !== undefined) {
      if (highest === undefined || compareSemver(e.version, highest) > 0) highest = e.version;
    }
  }
  return highest === undefined ? FIRST_VERSION : bumpSemver(highest, choice.bump);
}
