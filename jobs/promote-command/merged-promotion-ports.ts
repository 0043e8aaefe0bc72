import type { OpsRepository } from '../promote/promote-ports.js';
import type { PullRequestComments } from '../ports/pull-request-comments.js';
import type { RegistryTagReader, RegistryTagWriter } from '../ports/registry-tags.js';
import type { DeploymentPayload } from './command-ports.js';

/** A promotion pull request of the ops repository, as its `pull_request.closed` event describes it. */
export interface ClosedPromotionPullRequest {
  /** The ops repository. */
  repository: { owner: string; repo: string };
  number: number;
  /** Its page, which the queued deployment's status links to (`log_url`). */
  url: string;
  merged: boolean;
  head: {
    /** `modelship/ENV/MODEL` for a promotion. */
    ref: string;
    sha: string;
    /** `owner/repo` of the head branch's repository (a fork's is not the ops repository). */
    repository?: string;
  };
}

export type PromotionDeploymentState = 'success' | 'failure' | 'inactive';

/** A deployment of the model repository, as the app's promotions record them. */
export interface PromotionDeployment {
  id: number;
  ref: string;
  environment: string;
  payload: Partial<DeploymentPayload>;
  /** The login that created it (the app's own is `SLUG[bot]`). */
  creator: string;
}

export interface DeploymentStatusSummary {
  state: string;
  logUrl?: string;
}

/** The model repository's deployments of one environment, and their statuses. */
export interface PromotionDeployments {
  /** The environment's deployments, newest first (the most recent page: 100). */
  list(environment: string): Promise<PromotionDeployment[]>;
  /** The deployment's newest status; undefined when it has none. */
  latestStatus(id: number): Promise<DeploymentStatusSummary | undefined>;
  setStatus(
    id: number,
    status: {
      state: PromotionDeploymentState;
      description: string;
      environmentUrl?: string;
      logUrl?: string;
    },
  ): Promise<void>;
}

/** What the app reaches in the model repository a promotion came from. */
export interface ModelRepositoryPorts {
  deployments: PromotionDeployments;
  registry: RegistryTagReader;
  stageTags: RegistryTagWriter;
  /** The comments of the pull request the command was written in. */
  comments(pullRequest: number): PullRequestComments;
}

/** Everything completing a merged (or closed) promotion pull request reaches. */
export interface MergedPromotionPorts {
  /** The full message of an ops repository commit (the promotion commit carries the trailers). */
  opsCommitMessage(sha: string): Promise<string>;
  /** The ops repository (its config, on the default branch, gives the environment's `url`). */
  ops: OpsRepository;
  /** The model repository named by the command's comment (the commit's `Modelship-Source`). */
  modelRepository(repository: { owner: string; repo: string }): ModelRepositoryPorts;
}
