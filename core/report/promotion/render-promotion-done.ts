import { changesTable } from './changes-table.js';
import { codeSpan, escapeMarkdown, formatLogin, link } from './markdown-text.js';
import type { PromotionDoneView } from './promotion-reply-views.js';

/**
 * The reply to a promotion or rollback that was written: what changed from what to what, and where
 * to see it (the ops commit or pull request, the deployment, the stage tag).
 */
export function renderPromotionDone(view: PromotionDoneView): string {
  const rollback = view.action === 'rollback';
  const what = rollback
    ? `${escapeMarkdown(view.environment)} to ${escapeMarkdown(view.model)} ${codeSpan(view.version)}`
    : `${escapeMarkdown(view.model)} ${codeSpan(view.version)} to ${escapeMarkdown(view.environment)}`;
  // Through an ops pull request nothing runs yet: the title says what was proposed.
  const waiting = view.pullRequest !== undefined && view.opsCommit === undefined;
  const verb = waiting
    ? `Ops pull request ${view.pullRequest!.created === false ? 'updated' : 'opened'} to ${rollback ? 'roll back' : 'promote'}`
    : rollback
      ? 'Rolled back'
      : 'Promoted';
  const transition =
    view.previous !== undefined
      ? `${codeSpan(view.previous)} → ${codeSpan(view.version)}`
      : `→ ${codeSpan(view.version)} (nothing recorded before)`;
  const by = view.actor !== undefined ? ` · requested by ${formatLogin(view.actor)}` : '';
  const lines = [`### 🚀 ${verb} ${what}`, '', `${transition}${by}`];
  if (view.changes.length > 0) lines.push('', changesTable(view.changes));
  else
    lines.push(
      '',
      `The ops repository already had these values; the deployment and stage tag record the promotion.`,
    );
  const links = [
    view.opsCommit &&
      `${link(`ops commit ${codeSpan(view.opsCommit.sha.slice(0, 7))}`, view.opsCommit.url)}${view.opsRepository ? ` in ${escapeMarkdown(view.opsRepository)}` : ''}`,
    view.pullRequest &&
      link(
        view.pullRequest.number !== undefined
          ? `ops pull request #${view.pullRequest.number}`
          : `ops branch ${codeSpan(view.pullRequest.branch ?? '')}`,
        view.pullRequest.url,
      ),
    view.deployment?.url && link('deployment', view.deployment.url),
    view.deployment?.environmentUrl && link(escapeMarkdown(view.environment), view.deployment.environmentUrl),
    view.stageTag && `stage tag ${link(codeSpan(view.stageTag.name), view.stageTag.url)}`,
  ].filter((l): l is string => Boolean(l));
  if (links.length > 0) lines.push('', links.join(' · '));
  if (waiting)
    lines.push(
      '',
      `The change waits in the ops pull request: ${escapeMarkdown(view.environment)} runs it once that is merged.`,
    );
  return lines.join('\n');
}
