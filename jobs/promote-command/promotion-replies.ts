import type { PullRequestResult } from '../promote/promote-ports.js';
import type { EnvironmentPlan, EnvironmentResult } from '../promote/promotion-outcome.js';
import type { LockRefusal } from './with-write-lock.js';
import { code, plain, replies } from './command-replies.js';
import type { PromotionInput } from './carry-out-promotion.js';

const what = (input: PromotionInput) =>
  `${code(`${input.model}@${input.version.version}`)} → ${code(input.environment)}`;

const changesTable = (plan: EnvironmentPlan) =>
  plan.targets.length === 0
    ? ''
    : [
        '',
        '| File | Target | Before | After |',
        '|---|---|---|---|',
        ...plan.targets.map(
          (t) =>
            `| ${code(`${t.file}:${t.line}`)} | ${plain(t.target)} | ${code(t.before)} | ${code(t.after)} |`,
        ),
      ].join('\n');

const diffBlock = (plan: EnvironmentPlan) => {
  const diff = plan.files
    .map((f) => f.diff)
    .filter(Boolean)
    .join('\n');
  return diff ? `\n\n\`\`\`\`diff\n${diff.replace(/````/g, '```\u200b`')}\n\`\`\`\`` : '';
};

/** The replies of a promotion or rollback: before → after, links, and what to do next. */
export const promotionReplies = {
  dryRun: (input: PromotionInput, plan: EnvironmentPlan) =>
    `${replies.marker}\n🔍 Dry run: ${what(input)}${plan.previous ? ` (now ${code(plan.previous)})` : ''}. ${plan.nothingToChange ? 'Nothing would change.' : 'Nothing was written; this would change:'}${changesTable(plan)}${diffBlock(plan)}`,
  unchanged: (input: PromotionInput, plan: EnvironmentPlan) =>
    `${replies.marker}\n✅ ${code(input.environment)} already runs ${code(`${input.model}@${input.version.version}`)} (ops branch ${code(plan.branch)} at ${code(plan.commit.slice(0, 7))}): nothing to change.`,
  busy: (input: PromotionInput, refusal: LockRefusal) =>
    `${replies.marker}\n👎 ${what(input)} not done: ${'lock' in refusal && !refusal.lock.sticky ? `another promotion (by @${refusal.lock.owner.login}) is still writing to ${code(input.environment)}; comment again in a moment` : replies.lockText(input.environment, 'lock' in refusal ? refusal.lock : refusal)}. Nothing was written.`,
  tagMoved: (input: PromotionInput, sha: string) =>
    `${replies.marker}\n👎 ${what(input)} refused: the tag ${code(input.version.tag)} pointed at ${code(input.version.commit.slice(0, 7))} when the command arrived and points at ${code(sha.slice(0, 7))} now. Nothing was written; check the registry (\`modelship registry doctor\`) and comment again.`,
  raceLost: (input: PromotionInput, reason: string) =>
    `${replies.marker}\n👎 ${what(input)} not done: ${plain(reason)}.`,
  pullRequest: (input: PromotionInput, plan: EnvironmentPlan, pull: PullRequestResult) =>
    `${replies.marker}\n🚀 ${what(input)}: ${pull.created ? 'opened' : 'updated'} ${pull.url ?? code(pull.branch)} in the ops repository; ${code(input.environment)} changes when it is merged.${changesTable(plan)}`,
  applied: (input: PromotionInput, result: EnvironmentResult, stageTag: string, opsRepository: string) => {
    const plan = result.plan;
    const commit =
      result.status === 'committed'
        ? `commit ${result.url ? `[${result.commit.slice(0, 7)}](${result.url})` : code(result.commit.slice(0, 7))} in ${code(opsRepository)}`
        : `the ops repository already said so (an earlier promotion's commit); the registry is now completed`;
    return `${replies.marker}\n🚀 ${input.kind === 'rollback' ? 'Rolled back' : 'Promoted'} ${what(input)}: ${plan.previous ? `${code(plan.previous)} → ` : ''}${code(input.version.version)}, ${commit}, stage tag ${code(stageTag)}.${input.settings.url ? ` Environment: ${input.settings.url}` : ''}${changesTable(plan)}`;
  },
  failed: (input: PromotionInput, error: unknown, opsCommit: string | undefined) =>
    `${replies.marker}\n💥 ${what(input)} failed: ${plain(error instanceof Error ? error.message : String(error))}. ${
      opsCommit
        ? `The ops commit ${code(opsCommit.slice(0, 7))} was written but the registry's stage tag was not: comment the command again to finish it (the ops repository already says so, so only the missing records are written).`
        : 'Nothing was written to the ops repository.'
    } The deployment is marked failed.`,
};
