import type { ModelVersion } from '../registry/registry-types.js';

/** The placeholders a target's `value` may hold, in the order the README lists them. */
export const PLACEHOLDERS = ['name', 'version', 'semver', 'uri', 'digest'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A value template split into literal text and placeholders: `ghcr.io/acme/m:{version}`. */
export type TemplatePart = { literal: string } | { placeholder: string };

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = /\{([a-z]+)\}/g;
  let at = 0;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    if (match.index > at) parts.push({ literal: template.slice(at, match.index) });
    parts.push({ placeholder: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ literal: template.slice(at) });
  return parts;
}

/**
 * What the registry says for each placeholder of one version; undefined where it cannot say ({uri} of
 * a version registered without an artifact, e.g. by GTO).
 */
export function placeholderValues(version: ModelVersion): Record<Placeholder, string | undefined> {
  const artifact = version.record?.artifacts[0];
  return {
    name: version.model,
    version: version.version,
    semver: version.version.replace(/^v/, ''),
    uri: artifact?.uri,
    digest: artifact ? `sha256:${artifact.sha256}` : undefined,
  };
}
