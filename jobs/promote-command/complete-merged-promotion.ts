import { parseCommentUrl } from '../../core/promotion/parse-comment-url.js';
import {
  parsePromotionTrailers,
  type PromotionTrailers,
} from '../../core/promotion/parse-promotion-trailers.js';
import { promotionBranch } from '../../core/promotion/promotion-branch.js';
import { readOpsConfig } from '../promote/read-ops-config.js';
import { assignMergedStage } from './assign-merged-stage.js';
import type {
  ClosedPromotionPullRequest,
  MergedPromotionPorts,
  ModelRepositoryPorts,
  PromotionDeployment,
} from './merged-promotion-ports.js';

export type MergedPromotionOutcome =
  /** Not a Modelship promotion pull request (another branch, a fork, a commit without trailers). */
  | { outcome: 'not-a-promotion'; reason: string }
  /** A promotion whose queued deployment is not in the model repository: nothing to complete. */
  | { outcome: 'no-deployment'; reason: string }
  | {
      outcome: 'completed' | 'already-completed';
      deployment: number;
      stageTag: string;
      /** Older deployments of the same pull request, replaced by this promotion before it merged. */
      superseded: number[];
      reply: string;
    }
  /** Closed without merging: its deployments are marked failed. */
  | { outcome: 'abandoned'; deployments: number[]; reply: string };

/**
 * A promotion pull request of the ops repository (`mode: pull-request`) was closed. Merged: the
 * version runs in the environment now, so the registry's stage tag is written, the queued
 * deployment gets `success` (with the environment's URL) and the command's thread a short reply.
 * Closed without merging: the deployment gets `failure` ("closed without merging") and the thread
 * says so. What was promoted comes from the pull request's head commit — the app's promotion commit,
 * whose trailers name the model, version, environment and the command's comment (so the model
 * repository and its pull request) — and must agree with the branch name `modelship/ENV/MODEL`.
 *
 * Idempotent: a redelivered event finds the deployment already ended and the stage already
 * naming the version, writes neither again, and finds its reply by the marker it starts with. A
 * failure part-way (the stage tag written, the status not) is finished by the redelivery.
 */
export async function completeMergedPromotion(
  pull: ClosedPromotionPullRequest,
  settings: {
    configPath: string;
    /**
     * The login the app acts as: only deployments it created count, so a look-alike deployment
     * (someone with deployments: write in the model repository) cannot have a stage tag written.
     */
    appLogin: string;
  },
  ports: MergedPromotionPorts,
): Promise<MergedPromotionOutcome> {
  const opsName = `${pull.repository.owner}/${pull.repository.repo}`;
  if (!pull.head.ref.startsWith('modelship/'))
    return { outcome: 'not-a-promotion', reason: `${pull.head.ref} is not a promotion branch` };
  if (pull.head.repository?.toLowerCase() !== opsName.toLowerCase())
    return { outcome: 'not-a-promotion', reason: 'the head branch is not in the ops repository' };
  const trailers = parsePromotionTrailers(await ports.opsCommitMessage(pull.head.sha));
  if (!trailers)
    return { outcome: 'not-a-promotion', reason: `${pull.head.sha} is not a promotion commit (no trailers)` };
  if (promotionBranch(trailers.environment, trailers.model) !== pull.head.ref)
    return {
      outcome: 'not-a-promotion',
      reason: `the commit promotes ${trailers.model} to ${trailers.environment}, not what ${pull.head.ref} is for`,
    };
  const comment = trailers.source ? parseCommentUrl(trailers.source) : undefined;
  if (!comment)
    return { outcome: 'not-a-promotion', reason: 'the commit names no command comment (Modelship-Source)' };

  const model = ports.modelRepository({ owner: comment.owner, repo: comment.repo });
  const deployments = (await model.deployments.list(trailers.environment)).filter(
    (d) => d.payload.model === trailers.model && d.creator === settings.appLogin,
  );
  const target = deployments.find(
    (d) => d.payload.version === trailers.version && d.payload.comment === trailers.source,
  );
  if (!target)
    return {
      outcome: 'no-deployment',
      reason: `no deployment of ${trailers.model} ${trailers.version} to ${trailers.environment} for ${trailers.source}`,
    };
  const latest = await model.deployments.latestStatus(target.id);
  const others = await replacedBefore(target, deployments, pull.url, model);
  const reference = `${opsName}#${pull.number}`;
  const marker = `<!-- modelship:ops-pull-request ${reference} -->`;
  const thread = model.comments(comment.number);

  if (!pull.merged) {
    const open = [...(latest?.state === 'queued' ? [target] : []), ...others];
    for (const d of open)
      await model.deployments.setStatus(d.id, {
        state: 'failure',
        description: `${reference} was closed without merging`,
        logUrl: pull.url,
      });
    const reply = `${marker}\n**Closed without merging:** [${reference}](${pull.url}) — ${code(`${trailers.model}@${trailers.version}`)} was not promoted to ${code(trailers.environment)}; its deployment is marked failed.`;
    await thread.upsert({ marker, body: reply });
    return { outcome: 'abandoned', deployments: open.map((d) => d.id), reply };
  }

  const done = latest?.state === 'success';
  const stage = await assignMergedStage(
    { ...trailers, ...(target.payload.kind ? { kind: target.payload.kind } : {}) },
    { ...requestOf(trailers), pullRequestUrl: pull.url },
    model,
    { alreadyDone: done },
  );
  if (!done) {
    const { config } = await readOpsConfig(ports.ops, settings.configPath);
    const environmentUrl = Object.hasOwn(config.environments, trailers.environment)
      ? config.environments[trailers.environment]!.url
      : undefined;
    await model.deployments.setStatus(target.id, {
      state: 'success',
      description: `${trailers.model} ${trailers.version} runs in ${trailers.environment}`,
      ...(environmentUrl ? { environmentUrl } : {}),
      logUrl: pull.url,
    });
  }
  for (const d of others)
    await model.deployments.setStatus(d.id, {
      state: 'inactive',
      description: `Replaced by ${trailers.version} before ${reference} merged`,
      logUrl: pull.url,
    });
  const reply = mergedReply(marker, reference, pull.url, trailers, stage.tag, target);
  await thread.upsert({ marker, body: reply });
  return {
    outcome: done ? 'already-completed' : 'completed',
    deployment: target.id,
    stageTag: stage.tag,
    superseded: others.map((d) => d.id),
    reply,
  };
}

/** How far back a pull request's replaced promotions are looked for. */
const REPLACED_SCAN = 10;

/**
 * Promotions of the same model to the same environment share the branch, so one pull request may
 * have carried several versions before it merged (or closed): each left its deployment queued,
 * pointing at this pull request. They are older than the one the head commit names: walked back
 * from it (newest first) until a deployment that is not queued for this pull request — the promotion
 * before — a few at most.
 */
async function replacedBefore(
  target: PromotionDeployment,
  deployments: readonly PromotionDeployment[],
  url: string,
  model: ModelRepositoryPorts,
): Promise<PromotionDeployment[]> {
  const older = deployments.slice(
    deployments.indexOf(target) + 1,
    deployments.indexOf(target) + 1 + REPLACED_SCAN,
  );
  const replaced: PromotionDeployment[] = [];
  for (const d of older) {
    const status = await model.deployments.latestStatus(d.id);
    if (status?.state !== 'queued' || status.logUrl !== url) break;
    replaced.push(d);
  }
  return replaced;
}

function requestOf(trailers: PromotionTrailers) {
  return {
    ...(trailers.requestedBy ? { requestedBy: trailers.requestedBy } : {}),
    ...(trailers.source ? { source: trailers.source } : {}),
  };
}

function mergedReply(
  marker: string,
  reference: string,
  url: string,
  trailers: PromotionTrailers,
  stageTag: string,
  deployment: PromotionDeployment,
): string {
  const previous = deployment.payload.previous ?? trailers.previous;
  return `${marker}\n**Merged:** [${reference}](${url}) — ${code(`${trailers.model}@${trailers.version}`)} runs in ${code(trailers.environment)}${previous ? ` (was ${code(previous)})` : ''}; stage tag ${code(stageTag)}.`;
}

/** Inline code that a backtick in the value cannot break out of. */
function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}

export type { ClosedPromotionPullRequest, MergedPromotionPorts, ModelRepositoryPorts };
