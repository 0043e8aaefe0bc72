import type { ArtifactRecord } from '../../core/registry/version-record-schema.js';
import type { RegistryTagReader, RegistryTagWriter } from '../ports/registry-tags.js';
import type { TextFiles } from '../ports/text-files.js';

/** A local file about to be registered, hashed once (size and sha256 before anything is written). */
export interface LocalArtifact {
  /** The name it is registered under: the file's base name (release asset name, S3 key's last part). */
  name: string;
  /** Where it is on this machine. */
  path: string;
  size: number;
  /** Lowercase hex. */
  sha256: string;
}

/** The model files and the files the registration writes itself (model card, metrics). */
export interface ArtifactFiles {
  /**
   * The files the patterns name (a path or a glob each), hashed; a pattern that matches nothing is a
   * UserError naming it. Two files with the same base name are refused (they would share an asset name).
   */
  describe(patterns: string[]): Promise<LocalArtifact[]>;
  /** Writes `text` to a scratch file named `name` and describes it. */
  writeText(name: string, text: string): Promise<LocalArtifact>;
  /** The sha256 of a local file, or undefined when `location` is not a local file (a URL, s3://…). */
  hashIfLocal(location: string): Promise<string | undefined>;
}

export interface ReleaseAsset {
  id: number;
  name: string;
  size: number;
  /** From GitHub's `digest` (`sha256:…`); absent on assets uploaded before GitHub recorded digests. */
  sha256?: string;
  /** `browser_download_url`. */
  url: string;
}

export interface Release {
  id: number;
  tag: string;
  /** The release's page. */
  url: string;
  body: string;
  draft: boolean;
  assets: ReleaseAsset[];
}

/**
 * The GitHub release of a version tag. Each call is one request (uploads aside), and each is safe to
 * repeat: the job composes them into a registration that converges on a re-run.
 */
export interface ReleasePublisher {
  /** The release of `tag` with its assets, or undefined. */
  findRelease(tag: string): Promise<Release | undefined>;
  /** Creates the (published) release of an existing tag; a release already there is returned instead. */
  createRelease(release: { tag: string; name: string; body: string }): Promise<Release>;
  /** Replaces the release's Markdown body. */
  updateBody(release: Release, body: string): Promise<void>;
  /**
   * Uploads `file` unless an asset of that name is there: same sha256 → kept (returned as it is);
   * another sha256 → a UserError, never a silent replacement.
   */
  uploadAsset(release: Release, file: LocalArtifact): Promise<ReleaseAsset>;
  /** The download URL the asset `name` of `tag` will have (written into the tag before the release exists). */
  assetUrl(tag: string, name: string): string;
}

/** Content-addressed artifact storage outside GitHub (S3). */
export interface ArtifactStore {
  /** Where the artifacts go, for messages (`s3://bucket/prefix`). */
  location: string;
  /** Stores the file under a key derived from the model name and its sha256; already there → not sent again. */
  put(model: string, file: LocalArtifact): Promise<ArtifactRecord>;
}

/** Everything the register job reaches outside itself. */
export interface RegisterPorts {
  tags: { reader: RegistryTagReader; writer: RegistryTagWriter };
  files: ArtifactFiles;
  /** Reads the evaluation and gate reports. */
  reports: TextFiles;
  /** Absent offline (a local clone): release storage is then refused, and no release is written. */
  releases?: ReleasePublisher;
  /** Present when storage is `s3://…`. */
  store?: ArtifactStore;
  /**
   * Pauses after a lost claim, so racing registrations spread out instead of colliding again on the
   * next version (absent: no pause).
   */
  wait?: (ms: number) => Promise<void>;
  /** Progress lines for the log. */
  log?: (message: string) => void;
}
