import type { Command } from '../../core/commands/command-types.js';
import { markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import { describeRequest } from '../../core/report/promotion/describe-request.js';
import type { ChangeView } from '../../core/report/promotion/promotion-reply-views.js';
import { renderCommandFailed } from '../../core/report/promotion/render-command-failed.js';
import { renderDryRun } from '../../core/report/promotion/render-dry-run.js';
import { renderNothingToChange } from '../../core/report/promotion/render-nothing-to-change.js';
import { renderPromotionDone } from '../../core/report/promotion/render-promotion-done.js';
import {
  renderPromotionStopped,
  type PromotionStop,
} from '../../core/report/promotion/render-promotion-stopped.js';
import type { PullRequestResult } from '../promote/promote-ports.js';
import type { EnvironmentPlan, EnvironmentResult } from '../promote/promotion-outcome.js';
import type { PromotionInput } from './carry-out-promotion.js';
import { messageOf } from './command-replies.js';
import type { LockRefusal } from './with-write-lock.js';

/** What was asked, in words: `promote fraud v5.1.0 to production`, `roll back production (fraud) to v5.0.2`. */
function request(input: PromotionInput): string {
  const { model, environment, dryRun } = input;
  const command: Command =
    input.kind === 'rollback'
      ? { kind: 'rollback', model, environment, version: input.version.version, dryRun }
      : { kind: 'promote', model, environment, version: input.version.version, dryRun };
  return describeRequest(command);
}

const changes = (plan: EnvironmentPlan): ChangeView[] =>
  plan.targets.map((t) => ({
    file: t.file,
    line: t.line,
    target: t.target,
    before: t.before,
    after: t.after,
  }));

/** The promotion's identity in every view. */
const subject = (input: PromotionInput, plan: EnvironmentPlan) => ({
  action: input.kind,
  model: input.model,
  version: input.version.version,
  environment: input.environment,
  ...(plan.previous !== undefined ? { previous: plan.previous } : {}),
  changes: changes(plan),
});

const stopped = (input: PromotionInput, stop: PromotionStop) =>
  markCommandReply(renderPromotionStopped({ request: request(input), environment: input.environment, stop }));

/**
 * The replies of a promotion or rollback — before → after, the diff of a dry run, links to the ops
 * commit or pull request, the stage tag and the environment, what to do next — as views handed to
 * core/report/promotion's renderers.
 */
export const promotionReplies = {
  dryRun: (input: PromotionInput, plan: EnvironmentPlan) =>
    markCommandReply(
      renderDryRun({
        ...subject(input, plan),
        diff: plan.files
          .map((f) => f.diff)
          .filter(Boolean)
          .join('\n'),
      }),
    ),
  unchanged: (input: PromotionInput, plan: EnvironmentPlan) =>
    markCommandReply(
      renderNothingToChange({
        model: input.model,
        version: input.version.version,
        environment: input.environment,
        branch: plan.branch,
        commit: plan.commit,
      }),
    ),
  busy: (input: PromotionInput, refusal: LockRefusal) =>
    stopped(
      input,
      'unreadable' in refusal
        ? { reason: 'unreadable-lock', detail: refusal.unreadable }
        : { reason: refusal.lock.sticky ? 'locked' : 'busy', lock: refusal.lock },
    ),
  tagMoved: (input: PromotionInput, sha: string) =>
    stopped(input, { reason: 'tag-moved', tag: input.version.tag, was: input.version.commit, now: sha }),
  raceLost: (input: PromotionInput, reason: string) =>
    stopped(input, { reason: 'branch-moved', detail: reason }),
  pullRequest: (input: PromotionInput, plan: EnvironmentPlan, pull: PullRequestResult) =>
    markCommandReply(
      renderPromotionDone({
        ...subject(input, plan),
        pullRequest: {
          ...(pull.number !== undefined ? { number: pull.number } : {}),
          ...(pull.url ? { url: pull.url } : {}),
          branch: pull.branch,
          created: pull.created,
        },
        ...environmentLink(input),
      }),
    ),
  applied: (input: PromotionInput, result: EnvironmentResult, stageTag: string, opsRepository: string) =>
    markCommandReply(
      renderPromotionDone({
        ...subject(input, result.plan),
        opsRepository,
        // `unchanged`: an earlier promotion's commit already said so; this one completed the records.
        ...(result.status === 'committed'
          ? { opsCommit: { sha: result.commit, ...(result.url ? { url: result.url } : {}) } }
          : { changes: [] }),
        ...environmentLink(input),
        stageTag: { name: stageTag },
      }),
    ),
  failed: (input: PromotionInput, error: unknown, opsCommit: string | undefined) =>
    markCommandReply(
      renderCommandFailed({
        request: request(input),
        message: messageOf(error),
        written: opsCommit ? { opsCommit: { sha: opsCommit } } : 'nothing',
      }),
    ),
};

const environmentLink = (input: PromotionInput) =>
  input.settings.url ? { deployment: { environmentUrl: input.settings.url } } : {};
