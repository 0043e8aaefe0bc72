import type { VersionRecord } from './version-record-schema.js';

/**
 * The registry is the repository's tags, in GTO's format (https://dvc.org/doc/gto):
 *   name@vX.Y.Z         register           name@vX.Y.Z!        deregister
 *   name#stage#N        assign a stage     name#stage!#N       unassign
 *   name@deprecated     deprecate the model
 * Events are append-only; the latest event by tag time wins.
 */
export type RegistryAction = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate';

/** What a tag's name says, parsed by GTO's grammar. */
export interface RegistryTagName {
  tag: string;
  model: string;
  action: RegistryAction;
  /** `v1.2.3` for register/deregister. */
  version?: string;
  /** For assign/unassign. */
  stage?: string;
  /** The `#N` suffix, when present. */
  counter?: number;
}

/** A tag as git (or the API) reports it, before parsing its name. */
export interface RegistryTag {
  name: string;
  /** The commit the tag points to (peeled). */
  commit: string;
  /** False for a lightweight tag: GTO ignores those silently; we report them. */
  annotated: boolean;
  /** Sha of the tag object (annotated tags). */
  object?: string;
  tagger?: { name: string; email: string; /** ISO 8601 */ date: string };
  /** The full tag message (annotated tags). */
  message?: string;
}

export interface RegistryEvent {
  action: RegistryAction;
  model: string;
  version?: string;
  stage?: string;
  tag: string;
  commit: string;
  /** ISO 8601, the tagger date. */
  at: string;
  by: string;
  message: string;
}

export type VersionStatus = 'active' | 'deregistered' | 'deprecated';

export interface ModelVersion {
  model: string;
  /** `v1.2.3` */
  version: string;
  tag: string;
  commit: string;
  registeredAt: string;
  registeredBy: string;
  status: VersionStatus;
  /** The stages this version currently holds. */
  stages: string[];
  /** Decoded from the tag message; absent for tags made by GTO or by hand. */
  record?: VersionRecord;
}

export interface StageHolder {
  stage: string;
  version: string;
  /** When it was assigned (ISO 8601) and by which tag. */
  assignedAt: string;
  tag: string;
}

export interface ModelState {
  name: string;
  deprecated: boolean;
  /** Every registered version, highest SemVer first. */
  versions: ModelVersion[];
  /** Stage → the version holding it (GTO's default: the most recent assignment still in effect). */
  stages: Record<string, StageHolder>;
  /** Every event, oldest first. */
  events: RegistryEvent[];
}

/** Something `modelship registry doctor` reports (and queries warn about). */
export interface RegistryProblem {
  kind:
    | 'lightweight-tag'
    | 'unparsable-tag'
    | 'versions-on-one-commit'
    | 'tag-without-release'
    | 'missing-asset'
    | 'unreadable-record'
    /** An assign/unassign tag on a commit where the model has no registered version (GTO shows the commit). */
    | 'assignment-without-version';
  tag: string;
  message: string;
}

export interface RegistryState {
  models: Map<string, ModelState>;
  problems: RegistryProblem[];
  /**
   * Model → the highest `#N` over all its tags, lightweight ones included (GTO counts every tag):
   * the next stage tag takes N + 1. Filled by buildRegistryState.
   */
  lastCounters?: Map<string, number>;
}
