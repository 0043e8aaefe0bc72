import type { ManifestTarget } from '../config/environments-config-schema.js';

/**
 * A target marked in the manifest itself by a Flux-style setter comment at the end of the value's
 * line: `# {"$modelship": "fraud"}` (the whole value) or `# {"$modelship": "fraud:tag"}` (only the
 * tag of an image reference).
 */
export interface SetterTarget {
  kind: 'setter';
  file: string;
  /** 1-based line of the marker (and of the value it marks). */
  line: number;
  model: string;
  part: 'value' | 'tag';
}

/** Anything editManifest can change: a target of the ops config or a setter found in the file. */
export type AnyManifestTarget = ManifestTarget | SetterTarget;

/** One requested change: the target and the concrete value (placeholders already filled in). */
export interface ManifestChange {
  target: AnyManifestTarget;
  value: string;
}

/** One value changed in a file, for plans, diffs and commit messages. */
export interface ManifestEdit {
  file: string;
  /** 1-based line and column of the value (or where it was inserted). */
  line: number;
  column: number;
  /** A readable description of the target (`image of container predictor`, `yaml model.image.tag`). */
  target: string;
  /** The value as YAML read it before; null when there was none (an empty value, a key added). */
  before: string | null;
  after: string;
}

/** The value a target holds now. */
export interface ManifestValue {
  target: AnyManifestTarget;
  line: number;
  column: number;
  /** As YAML reads it (a plain `1.20` stays `1.20`); null when there is none (empty, key absent, untagged). */
  value: string | null;
}
