import type { RegistryTag } from '../../core/registry/registry-types.js';

/** Reads the registry's tags: from a local clone with git, or through the API. */
export interface RegistryTagReader {
  /** Every tag, or only the tags of one model (by name prefix; an optimisation, not a guarantee). */
  listTags(options?: { model?: string }): Promise<RegistryTag[]>;
}

export interface NewRegistryTag {
  name: string;
  commit: string;
  message: string;
  /** Default: the token's or git's identity. */
  tagger?: { name: string; email: string; date?: string };
}

/** Writes annotated tags. Creating the ref is the atomic claim: an existing name is reported, never overwritten. */
export interface RegistryTagWriter {
  createTag(
    tag: NewRegistryTag,
  ): Promise<{ created: true; tag: RegistryTag } | { created: false; existing: RegistryTag }>;
}
