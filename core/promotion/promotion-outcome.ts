import type { ModelVersion } from '../registry/registry-types.js';

/** A file's new content in a commit (text: manifests are YAML). */
export interface FileChange {
  path: string;
  content: string;
}

export interface PullRequestResult {
  branch: string;
  /** The head branch's commit (new, or the existing one when it already held these changes). */
  commit: string;
  /** Absent where the repository has no pull requests (a local checkout: the branch is left to push). */
  number?: number;
  url?: string;
  /** A new pull request was opened (false: an open one was updated or left as it was). */
  created: boolean;
  /** False when the branch and the pull request already said exactly this (a re-run). */
  changed: boolean;
}

export interface TargetChange {
  file: string;
  /** 1-based line of the value in the file as it was. */
  line: number;
  /** How the config names it: `image (container predictor)`, `yaml model.image.tag`, `setter`. */
  target: string;
  before: string;
  after: string;
  /** The version the value meant before (read back through the template), when one did. */
  previous?: string;
}

export interface FilePlan {
  path: string;
  changed: boolean;
  /** Unified diff of the file (empty when unchanged). */
  diff: string;
}

/** What a promotion would change in one environment, read at one commit of its branch. */
export interface EnvironmentPlan {
  environment: string;
  branch: string;
  mode: 'commit' | 'pull-request';
  /** The branch head the plan was read at (the write's expected head). */
  commit: string;
  model: string;
  version: string;
  /** The version the environment ran before (the commit message's "was"), when known. */
  previous?: string;
  targets: TargetChange[];
  files: FilePlan[];
  /** Only the files that change, with their new text. */
  changes: FileChange[];
  nothingToChange: boolean;
  /** The commit message (also the pull request's title and body). */
  message: { headline: string; body: string; text: string };
}

export interface PromotionPlan {
  model: string;
  version: ModelVersion;
  /** Where the ops config came from. */
  opsRepository: string;
  environments: EnvironmentPlan[];
}

export type EnvironmentResult =
  | { environment: string; status: 'unchanged'; plan: EnvironmentPlan; attempts: number }
  | {
      environment: string;
      status: 'committed';
      plan: EnvironmentPlan;
      attempts: number;
      commit: string;
      url?: string;
    }
  | {
      environment: string;
      status: 'pull-request';
      plan: EnvironmentPlan;
      attempts: number;
      pullRequest: PullRequestResult;
    }
  | {
      environment: string;
      status: 'refused';
      plan: EnvironmentPlan;
      attempts: number;
      /** Why nothing was written (a branch that kept moving). */
      reason: string;
    };

export interface PromotionOutcome {
  model: string;
  version: ModelVersion;
  opsRepository: string;
  environments: EnvironmentResult[];
}

/** What one target of an environment runs now. */
export interface TargetStatus {
  file: string;
  line: number;
  target: string;
  value: string;
  /** The version the value means, undefined when no registered version produces it. */
  version?: string;
}

export interface EnvironmentStatus {
  environment: string;
  branch: string;
  commit: string;
  targets: TargetStatus[];
  /** The one version every target runs; undefined when they disagree or none is known. */
  version?: string;
  /** Targets of the environment that run different versions (or values no version produced). */
  disagreement: boolean;
}

export interface StatusOutcome {
  model: string;
  opsRepository: string;
  environments: EnvironmentStatus[];
}
