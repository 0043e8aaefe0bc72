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
  actor: string;
  opsCommit?: { sha: string; url?: string };
  pullRequest?: { number: number; url?: string };
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
  /** What would refuse the real command (shown, not enforced, in a dry run). */
  refusals?: { code: string; message: string }[];
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
}

export interface HelpView {
  environments: Environments;
  defaultEnvironment?: string;
  /** The registered models, when few enough to list. */
  models?: string[];
  ruleSource: RuleSource;
}
