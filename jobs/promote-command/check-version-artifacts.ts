import { checkArtifactDigests, isReleaseAsset } from '../../core/promotion-policy/check-artifact-digests.js';
import type { PolicyRefusal } from '../../core/promotion-policy/policy-refusal.js';
import type { ModelVersion } from '../../core/registry/registry-types.js';
import type { ReleaseAssets } from './command-ports.js';

/**
 * The artifact-digest precondition of a promotion or a rollback: the release assets the version's
 * record names are read (one call) and compared with the record. A version whose artifacts are all in
 * S3 costs nothing here: the app has no S3 credentials, and the record's digest travels in the
 * deployment's payload for whoever pulls the artifact.
 */
export async function checkVersionArtifacts(
  version: ModelVersion,
  releases: ReleaseAssets,
): Promise<PolicyRefusal[]> {
  const artifacts = version.record?.artifacts ?? [];
  if (!artifacts.some(isReleaseAsset)) return [];
  return checkArtifactDigests({
    label: `${version.model} ${version.version}`,
    tag: version.tag,
    artifacts,
    assets: await releases.assetsOf(version.tag),
  });
}
