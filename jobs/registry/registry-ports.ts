import type { RegistryTagReader, RegistryTagWriter } from '../ports/registry-tags.js';

/** A release as the doctor checks it: which tag it belongs to and the names of its assets. */
export interface RegistryRelease {
  tag: string;
  assets: string[];
  draft: boolean;
}

/** The repository's releases (online only: a clone has none). */
export interface RegistryReleases {
  listReleases(): Promise<RegistryRelease[]>;
}

/** What the registry's queries read. */
export interface RegistryQueryPorts {
  tags: RegistryTagReader;
}

/** What the doctor reads: the tags, and the releases when the registry is read online. */
export interface RegistryDoctorPorts extends RegistryQueryPorts {
  releases?: RegistryReleases;
}

/** What a life-cycle write (assign, unassign, deregister, deprecate) needs: read the state, write a tag. */
export interface RegistryWritePorts {
  tags: RegistryTagReader;
  writer: RegistryTagWriter;
}
