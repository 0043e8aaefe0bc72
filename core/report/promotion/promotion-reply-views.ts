import type { Environments } from '../../config/environments-config-schema.js';

/** One value the promotion changes (or would change), as the engine reports it. */
export interface ChangeView {
  file: string;
  line?: number;
  /** What the target is, e.g. `image (predictor)` or `model.image.tag`. */
  target: string;
  before?: string;
  after: string;
}

/** Where a rule lives: the ops repository's config, on its default branch. */
export interface RuleSource {
  repository: string;
  path: string;
  url?: string;
}

export interface PromotionDoneView {
  action: 'promote' | 'rollback';
  model: string;
  version: string;
  environment: string;
  /** The version that ran there before, when known. */
  previous?: string;
  changes: ChangeView[];
  /** Who asked, when known. */
  actor?: string;
  /** The ops repository written (`acme/ops`). */
  opsRepository?: string;
  opsCommit?: { sha: string; url?: string };
  /** `created`: a new pull request (false: an open one was updated). */
  pullRequest?: { number?: number; url?: string; branch?: string; created?: boolean };
  deployment?: { url?: string; environmentUrl?: string };
  stageTag?: { name: string; url?: string };
}

export interface DryRunView {
  action: 'promote' | 'rollback';
  model: string;
  version: string;
  environment: string;
  previous?: string;
  changes: ChangeView[];
  /** The unified diff of every changed file. */
  diff: string;
}

/** A lock as the locks port reports it (its EnvironmentLock passes as is). */
export interface LockSummary {
  owner: { login: string; pullRequest?: number };
  reason?: string;
  sticky: boolean;
  createdAt: string;
  link?: string;
}

export interface StatusRow {
  environment: string;
  model?: string;
  version?: string;
  since?: string;
  by?: string;
  /** The environment's lock, as the locks port's `read()` or `list()` reports it. */
  lock?: { state: 'free' } | { state: 'locked'; lock: LockSummary } | { state: 'unreadable'; detail: string };
  /** Targets of the environment that disagree (the engine's report). */
  disagreement?: string;
  /**
   * The registry's stage when it does not name the version the ops repository runs (`stage`
   * undefined: it names none): a promotion left half-done (its commit without its stage tag) or a
   * hand edit. The reply shows the command that finishes it.
   */
  stageMismatch?: { stage?: string };
}

export interface StatusView {
  rows: readonly StatusRow[];
  now: string;
  /** The ops repository and the commit read. */
  source?: { repository: string; commit: string; url?: string };
}

export interface HelpView {
  environments: Environments;
  defaultEnvironment?: string;
  /** The registered models, when few enough to list. */
  models?: string[];
  ruleSource: RuleSource;
}
