import type { ArtifactRecord } from '../registry/version-record-schema.js';
import type { PolicyRefusal } from './policy-refusal.js';

export type ArtifactDigestCode =
  'artifact-missing' | 'release-missing' | 'digest-unknown' | 'digest-mismatch';

/** A release asset as the host reports it: GitHub's `digest` is `sha256:<hex>`, null for old uploads. */
export interface ObservedAsset {
  name: string;
  size: number;
  digest?: string | null;
}

/**
 * Whether the registry's record keeps this artifact as an asset of the version's GitHub release (its
 * URI is the asset's download URL) rather than in S3. Only release assets can be checked by the app:
 * it holds no S3 credentials, and an S3 artifact's digest is what the deployment's payload carries.
 */
export const isReleaseAsset = (artifact: ArtifactRecord): boolean => !artifact.uri.startsWith('s3://');

/**
 * The artifact-digest precondition: every artifact the version's record keeps as a release asset is
 * there, with the sha256 and size the record names. A missing release or asset, an asset GitHub
 * gives no digest for, and any difference refuse — a file swapped after registration must not reach
 * an environment — each naming the asset and both digests. S3 artifacts pass untouched.
 */
export function checkArtifactDigests(input: {
  /** `fraud v1.2.0`, as replies name the version. */
  label: string;
  /** The version's tag (its release's tag). */
  tag: string;
  artifacts: readonly ArtifactRecord[];
  /** The release's assets; undefined when the tag has no release. */
  assets: readonly ObservedAsset[] | undefined;
}): PolicyRefusal<ArtifactDigestCode>[] {
  const checked = input.artifacts.filter(isReleaseAsset);
  if (checked.length === 0) return [];
  if (input.assets === undefined)
    return [
      refuse(
        'release-missing',
        `${input.label}'s artifacts are recorded as assets of the release ${input.tag}, but ${input.tag} has no release: its artifacts cannot be checked against the registry's record.`,
      ),
    ];
  const byName = new Map(input.assets.map((a) => [a.name, a]));
  return checked.flatMap((artifact): PolicyRefusal<ArtifactDigestCode>[] => {
    const recorded = `sha256:${artifact.sha256} (${artifact.size} bytes)`;
    const asset = byName.get(artifact.name);
    if (!asset)
      return [
        refuse(
          'artifact-missing',
          `${artifact.name} is not among the assets of the release ${input.tag}; the registry's record names ${recorded}.`,
        ),
      ];
    const digest = asset.digest?.toLowerCase();
    if (!digest)
      return [
        refuse(
          'digest-unknown',
          `GitHub gives no digest for ${artifact.name} of the release ${input.tag} (an upload from before GitHub computed them), so it cannot be checked against the registry's record (${recorded}): upload the asset again.`,
        ),
      ];
    if (digest === `sha256:${artifact.sha256}` && asset.size === artifact.size) return [];
    return [
      refuse(
        'digest-mismatch',
        `${artifact.name} of the release ${input.tag} does not match the registry's record: the asset is ${digest} (${asset.size} bytes), the record names ${recorded}.`,
      ),
    ];
  });
}

const refuse = (code: ArtifactDigestCode, message: string): PolicyRefusal<ArtifactDigestCode> => ({
  code,
  message,
});
