import type { ArtifactRecord } from '../../core/registry/version-record-schema.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';

/** A file fetched into place, verified. */
export interface FetchedFile {
  name: string;
  path: string;
  sha256: string;
  size: number;
  versionId?: string;
}

/** Downloads a version's artifacts and verifies them before anything reaches the destination. */
export interface ArtifactDownloader {
  /** All or nothing: every artifact is hashed while it downloads, and `to` is written only when all match. */
  download(request: { tag: string; artifacts: ArtifactRecord[]; to: string }): Promise<FetchedFile[]>;
}

export interface FetchPorts {
  tags: RegistryTagReader;
  downloader: ArtifactDownloader;
}
