import type { Environment } from '../../core/config/environments-config-schema.js';
import type { ModelVersion } from '../../core/registry/registry-types.js';
import { applyPromotion } from '../promote/apply-promotion.js';
import { planPromotion } from '../promote/plan-promotion.js';
import { resolvePromoteSettings } from '../promote/promote-settings.js';
import type { EnvironmentPlan } from '../promote/promotion-outcome.js';
import type { CommentCommandRequest, DeploymentPayload } from './command-ports.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';
import type { CommandResult } from './command-result.js';
import { promotionReplies } from './promotion-replies.js';
import type { CommandContext } from './load-command-context.js';
import { assignEnvironmentStage } from './assign-environment-stage.js';
import { rememberedOps, rememberedRegistry } from './remembered-reads.js';
import { withWriteLock } from './with-write-lock.js';

export interface PromotionInput {
  kind: 'promote' | 'rollback';
  model: string;
  environment: string;
  settings: Environment;
  /** Resolved when the command arrived: tag, commit and record (digest) are what is promoted. */
  version: ModelVersion;
  dryRun: boolean;
  /**
   * A default rollback: the version whose stage assignment is withdrawn (`name#ENV!#N`), so the
   * stage falls back to `version` and a second rollback walks further back.
   */
  unassign?: string;
}

/**
 * The writes of one promotion, in this order (README, "Promotion app"): plan (reads only) → the
 * environment's short write lock → a GitHub Deployment of the version's tag (its `sha` re-checks
 * that the tag still points at the commit resolved on arrival) → status in_progress → the ops
 * commit (a compare-and-swap on the planned head; a moved branch is re-read and re-planned) → the
 * stage tag → status success → lock released (→ the reply). A failure after the deployment exists
 * marks it failure; an ops commit therefore always has a deployment, and a stage tag always its
 * commit. The statuses and the release travel with the next write (in_progress with the commit,
 * the last status and the release with the reply): the same order, fewer calls.
 */
export async function carryOutPromotion(
  input: PromotionInput,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const reads = {
    ops: rememberedOps(ports.ops, context.ops.snapshot),
    registry: rememberedRegistry(context.tags),
  };
  const promoteSettings = resolvePromoteSettings({
    model: input.model,
    version: input.version.version,
    environment: input.environment,
    requestedBy: request.comment.author,
    source: request.comment.url,
    configPath: settings.configPath,
  });
  const plan = (await planPromotion(promoteSettings, reads)).environments[0]!;
  if (input.dryRun) return { outcome: 'dry-run', reply: promotionReplies.dryRun(input, plan) };
  const stage = context.registry.models.get(input.model)?.stages[input.environment];
  const stageHeld = stage?.version === input.version.version;
  if (plan.nothingToChange && stageHeld)
    return { outcome: 'unchanged', reply: promotionReplies.unchanged(input, plan) };

  const locked = await withWriteLock(input.environment, request, settings, ports, () =>
    deployAndWrite(input, plan, promoteSettings, reads, request, context, ports),
  );
  return 'refused' in locked
    ? { outcome: 'refused', reply: promotionReplies.busy(input, locked.refused) }
    : locked.result;
}

async function deployAndWrite(
  input: PromotionInput,
  plan: EnvironmentPlan,
  promoteSettings: ReturnType<typeof resolvePromoteSettings>,
  reads: Parameters<typeof applyPromotion>[1],
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const { version } = input;
  const payload: DeploymentPayload = {
    model: input.model,
    version: version.version,
    ...(version.record?.artifacts[0] ? { digest: `sha256:${version.record.artifacts[0].sha256}` } : {}),
    actor: request.comment.author,
    comment: request.comment.url,
    kind: input.kind,
    ...(plan.previous ? { previous: plan.previous } : {}),
  };
  const deployment = await ports.deployments.create({
    ref: version.tag,
    environment: input.environment,
    payload,
    description: `${input.kind === 'rollback' ? 'Roll back' : 'Promote'} ${input.model} ${version.version} to ${input.environment}`,
    production: input.settings.protected,
  });
  let opsCommit: string | undefined;
  // The statuses travel with the command's next write (the ops commit, or the reply at the end):
  // still in this order, without a call of their own.
  const next = { withNextWrite: true };
  const fail = async (description: string) =>
    ports.deployments.setStatus(
      deployment.id,
      { state: 'failure', description, logUrl: request.comment.url },
      next,
    );
  try {
    if (deployment.sha !== version.commit) {
      await fail(`${version.tag} moved since the command arrived`);
      return {
        outcome: 'refused',
        reply: promotionReplies.tagMoved(input, deployment.sha),
        deployment: { id: deployment.id, state: 'failure' },
      };
    }
    await ports.deployments.setStatus(
      deployment.id,
      { state: 'in_progress', description: `Writing ${context.ops.name}`, logUrl: request.comment.url },
      next,
    );
    const outcome = await applyPromotion(promoteSettings, reads);
    const result = outcome.environments[0]!;
    if (result.status === 'committed') opsCommit = result.commit;
    if (result.status === 'refused') {
      await fail(result.reason);
      return {
        outcome: 'refused',
        reply: promotionReplies.raceLost(input, result.reason),
        deployment: { id: deployment.id, state: 'failure' },
      };
    }
    if (result.status === 'pull-request') {
      await ports.deployments.setStatus(
        deployment.id,
        {
          state: 'queued',
          description: `Waiting for ${result.pullRequest.url ?? result.pullRequest.branch} to merge`,
          ...(result.pullRequest.url ? { logUrl: result.pullRequest.url } : {}),
        },
        next,
      );
      return {
        outcome: 'done',
        reply: promotionReplies.pullRequest(input, result.plan, result.pullRequest),
        deployment: { id: deployment.id, state: 'queued' },
        opsCommit: result.pullRequest.commit,
      };
    }
    // A default rollback withdraws the version it replaced — if that is still what the ops repository
    // ran just before this commit (read under the lock); otherwise it assigns its version plainly.
    const withdraw = input.unassign && result.plan.previous === input.unassign ? input.unassign : undefined;
    const stageTag = await assignEnvironmentStage(input, request, context, ports, {
      committed: result.status === 'committed',
      ...(withdraw ? { withdraw } : {}),
    });
    await ports.deployments.setStatus(
      deployment.id,
      {
        state: 'success',
        description: `${input.model} ${version.version} runs in ${input.environment}`,
        ...(input.settings.url ? { environmentUrl: input.settings.url } : {}),
        logUrl: request.comment.url,
      },
      next,
    );
    return {
      outcome: 'done',
      reply: promotionReplies.applied(input, result, stageTag, context.ops.name),
      deployment: { id: deployment.id, state: 'success' },
      ...(opsCommit ? { opsCommit } : {}),
      stageTag,
    };
  } catch (error) {
    // Best effort: the reply reports the failure even when GitHub refuses this status too.
    await fail(error instanceof Error ? error.message : String(error)).catch(() => {});
    return {
      outcome: 'failed',
      reply: promotionReplies.failed(input, error, opsCommit),
      deployment: { id: deployment.id, state: 'failure' },
      ...(opsCommit ? { opsCommit } : {}),
    };
  }
}
