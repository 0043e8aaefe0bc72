import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { OpsSnapshot } from '../promote/promote-ports.js';
import type { Clock } from '../ports/clock.js';
import type { ClosedPromotionPullRequest } from './merged-promotion-ports.js';

/** One comment command as the app received it: who wrote what, where, in which delivery. */
export interface CommentCommandRequest {
  /** `X-GitHub-Delivery`: the same GUID on a redelivery. */
  deliveryId: string;
  installationId: number;
  /** The model repository (where the pull request, the registry tags and the deployments are). */
  repository: { owner: string; repo: string };
  pullRequest: number;
  comment: {
    id: number;
    /** The host's global id of the comment (GitHub's `node_id`), when the event carried one. */
    nodeId?: string;
    /** The comment's page, linked from the deployment's payload and the reply. */
    url: string;
    /** The comment as written (the command is its first line). */
    body: string;
    author: string;
    /** ISO 8601: when it was written (a lock claimed for it carries this time, fixed across retries). */
    createdAt: string;
  };
}

/** What a claim on a comment found: ours now, or someone (a replica, an earlier delivery) had it. */
export type Claim = 'claimed' | 'taken';

/**
 * The command's comment: reactions and the reply. The app's 👀 reaction is the claim: GitHub
 * answers 201 when the app's reaction is new and 200 when it already exists, so creating it is an
 * atomic "first handler takes this comment" across replicas and redeliveries, with no state of ours.
 */
export interface CommandThread {
  /** 👀 on the comment. */
  claim(): Promise<Claim>;
  /**
   * 😕 on the comment: taken by the first duplicate handling only, so "already handled" is said once
   * however many times the comment is delivered again.
   */
  claimDuplicateNotice(): Promise<Claim>;
  /** 🚀 (done) or 👎 (refused, failed). */
  react(content: 'rocket' | '-1'): Promise<void>;
  /** A new comment on the pull request. */
  reply(body: string): Promise<{ url: string }>;
  /**
   * The end of a handled command: the reply, then 🚀 or 👎 — after whatever writes were left to
   * travel with the command's next write (its deployment's last status, its lock's release), in
   * that order. A host may send all of it at once (GitHub: one GraphQL request); anything that
   * fails there is done again on its own, so nothing is lost. The reaction is given even when the
   * reply cannot be posted.
   */
  finish(end: { reply: string; reaction: 'rocket' | '-1' }): Promise<{ url?: string }>;
  /** Whether the app already ended its handling of the comment (its 🚀 or 👎 is there). */
  finished(): Promise<boolean>;
}

/** The commenter and the pull request, as the API (not the payload) says. */
export interface CommandFacts {
  /** `repos/get-collaborator-permission-level`: `role_name` (custom roles included) and its base `permission`. */
  roleOf(login: string): Promise<{ role: string; permission: string }>;
  /** Whether the pull request's head lives in another repository (a fork), and whether it is open. */
  pullRequest(number: number): Promise<{ fromFork: boolean; open: boolean }>;
}

/**
 * What every command reads when it arrives, all at once: the pull request's origin, the model
 * repository's registry tags and the ops repository's default branch with `opsFiles` (the config).
 * A host may answer it in one request (GitHub: one GraphQL query naming both repositories).
 */
export interface ArrivalReads {
  read(request: { pullRequest: number; opsFiles: readonly string[] }): Promise<{
    pullRequest: { fromFork: boolean; open: boolean };
    tags: RegistryTag[];
    ops: OpsSnapshot;
  }>;
}

/** A version's release, where the registry keeps artifacts stored as release assets. */
export interface ReleaseAssets {
  /**
   * The assets of the release of `tag` with the digest the host computed for each (`sha256:<hex>`;
   * null when it has none); undefined when the tag has no (published) release.
   */
  assetsOf(tag: string): Promise<{ name: string; size: number; digest?: string | null }[] | undefined>;
}

/** What the deployment records, for an auditor reading it later. */
export interface DeploymentPayload {
  model: string;
  version: string;
  digest?: string;
  actor: string;
  comment: string;
  kind: 'promote' | 'rollback';
  previous?: string;
}

export type DeploymentState = 'in_progress' | 'queued' | 'success' | 'failure' | 'error';

/** GitHub Deployments in the model repository: one per promotion, with its statuses. */
export interface Deployments {
  /**
   * A deployment of `ref` (the version's tag) to `environment`, with auto_merge off and no required
   * contexts. `sha` is the commit the tag points to now: the time-of-use check of the version.
   */
  create(deployment: {
    ref: string;
    environment: string;
    payload: DeploymentPayload;
    description: string;
    production: boolean;
  }): Promise<{ id: number; sha: string; url: string }>;
  /**
   * `withNextWrite`: the status may travel with the command's next write, still ahead of it (GitHub:
   * in the same GraphQL request), instead of being a call of its own; never later than the reply.
   */
  setStatus(
    id: number,
    status: { state: DeploymentState; description: string; environmentUrl?: string; logUrl?: string },
    options?: { withNextWrite?: boolean },
  ): Promise<void>;
}

export type { Clock };

/** A closed (or merged) pull request: the sticky locks it took are released. */
export interface PullRequestClosedRequest {
  deliveryId: string;
  installationId: number;
  repository: { owner: string; repo: string };
  pullRequest: number;
  /** Merged or not, its page and head: an ops repository's promotion pull request is completed from them. */
  closed?: Pick<ClosedPromotionPullRequest, 'merged' | 'url' | 'head'>;
}
