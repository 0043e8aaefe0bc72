import { codeSpan, escapeMarkdown, formatLogin, formatTime } from './markdown-text.js';
import type { LockSummary } from './promotion-reply-views.js';
import { heldByOther, unreadableLock } from './render-lock-replies.js';

/** Why a promotion that passed its rules stopped before writing, found while it went to write. */
export type PromotionStop =
  /** Another promotion's short write lock outlasted the waits. */
  | { reason: 'busy'; lock: LockSummary }
  /** Someone's sticky lock (/lock). */
  | { reason: 'locked'; lock: LockSummary }
  | { reason: 'unreadable-lock'; detail: string }
  /** The version's tag points at another commit than when the command arrived. */
  | { reason: 'tag-moved'; tag: string; was: string; now: string }
  /** The ops branch kept moving under the write (the engine's reason). */
  | { reason: 'branch-moved'; detail: string };

export interface PromotionStoppedView {
  /** What was asked, in words (`promote fraud v5 to production`). */
  request: string;
  environment: string;
  stop: PromotionStop;
}

/** A promotion that stopped before writing: why, and what to do next. Nothing was written. */
export function renderPromotionStopped(view: PromotionStoppedView): string {
  const { environment, stop } = view;
  const env = escapeMarkdown(environment);
  const lines = [`### 👎 Cannot ${escapeMarkdown(view.request)}`, ''];
  switch (stop.reason) {
    case 'busy':
      lines.push(
        `Another promotion (by ${formatLogin(stop.lock.owner.login)}, since ${formatTime(stop.lock.createdAt)}) is still writing to ${env}. Comment the command again in a moment: it is planned afresh.`,
      );
      break;
    case 'locked':
      lines.push(
        `${env} is locked by ${formatLogin(stop.lock.owner.login)}.`,
        '',
        ...heldByOther({ environment, lock: stop.lock }),
      );
      break;
    case 'unreadable-lock':
      lines.push(
        `${env} has a lock that cannot be read.`,
        '',
        ...unreadableLock({ environment, detail: stop.detail }),
      );
      break;
    case 'tag-moved':
      lines.push(
        `The tag ${codeSpan(stop.tag)} pointed at ${codeSpan(stop.was.slice(0, 7))} when the command arrived and points at ${codeSpan(stop.now.slice(0, 7))} now: what would be promoted is not what was asked for. Check the registry (${codeSpan('modelship registry doctor')}) and comment the command again.`,
      );
      break;
    case 'branch-moved':
      lines.push(
        `${escapeMarkdown(stop.detail.replace(/\.$/, ''))}. Comment the command again: it is planned afresh.`,
      );
      break;
  }
  lines.push('', 'Nothing was written.');
  return lines.join('\n');
}
