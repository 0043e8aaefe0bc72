/** An image reference split the way container runtimes split it. */
export interface ImageReference {
  /** Everything before the tag and digest: `registry:5000/team/app`. */
  repository: string;
  tag?: string;
  /** `sha256:…` without the `@`. */
  digest?: string;
}

/**
 * Splits `registry:port/path:tag@sha256:…`. The tag is what follows the last `:` after the last
 * `/`, so the `:5000` of a registry with a port is never taken for a tag (`registry:5000/app` has
 * none); the digest is what follows `@`.
 */
export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const name = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  return {
    repository: hasTag ? name.slice(0, colon) : name,
    ...(hasTag ? { tag: name.slice(colon + 1) } : {}),
    ...(digest === undefined ? {} : { digest }),
  };
}
