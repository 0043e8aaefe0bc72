import type {
  ModelVersion,
  RegistryEvent,
  RegistryProblem,
  StageHolder,
} from '../../registry/registry-types.js';

/**
 * What the registry's queries and writes answer (jobs/registry/*), as plain JSON-able data: `--json`
 * prints them as they are, the text renderers here read them.
 */
export interface RegistryListEntry {
  model: string;
  deprecated: boolean;
  /** The highest active version (`latest`), when there is one. */
  latest?: string;
  /** Active versions, and all registered versions. */
  active: number;
  registered: number;
  /** Stage → the version holding it. */
  stages: Record<string, string>;
}

export interface RegistryListOutcome {
  models: RegistryListEntry[];
  problems: RegistryProblem[];
}

export type RegistryShowOutcome =
  | { kind: 'version'; model: string; spec: string; version: ModelVersion; problems: RegistryProblem[] }
  | {
      kind: 'model';
      model: string;
      deprecated: boolean;
      versions: ModelVersion[];
      stages: Record<string, StageHolder>;
      problems: RegistryProblem[];
    };

export interface RegistryWhichOutcome {
  model: string;
  stage: string;
  /** The version holding the stage (GTO's default: the most recent assignment still in effect). */
  holder?: StageHolder;
  version?: ModelVersion;
  problems: RegistryProblem[];
}

export interface RegistryHistoryOutcome {
  model: string;
  /** Newest first, as people read a history. */
  events: RegistryEvent[];
  problems: RegistryProblem[];
}

export interface RegistryDoctorOutcome {
  problems: RegistryProblem[];
  /** Whether releases were checked (online), or why not. */
  releases: { checked: true; count: number } | { checked: false; reason: string };
  models: number;
  versions: number;
}

/** What a life-cycle write did: wrote one tag, or found its effect already in place (a no-op). */
export interface LifecycleOutcome {
  model: string;
  action: 'assign' | 'unassign' | 'deregister' | 'deprecate';
  changed: boolean;
  /** The tag written, or the tag whose effect made this a no-op. */
  tag?: string;
  version?: string;
  stage?: string;
  /** One sentence for people: what was done, or why nothing was. */
  summary: string;
}
