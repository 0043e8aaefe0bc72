import { codeSpan, escapeMarkdown, formatLogin, formatTime, link } from './markdown-text.js';
import type { LockSummary } from './promotion-reply-views.js';

export type LockReply =
  | { outcome: 'locked'; environment: string; lock: LockSummary }
  | { outcome: 'already-yours'; environment: string; lock: LockSummary }
  | { outcome: 'held-by-other'; environment: string; lock: LockSummary }
  | { outcome: 'unreadable'; environment: string; detail: string }
  | { outcome: 'unlocked'; environment: string; lock?: LockSummary }
  | { outcome: 'not-locked'; environment: string }
  | { outcome: 'not-yours'; environment: string; lock?: LockSummary };

/** The replies to /lock and /unlock, and to a command an environment's lock stops. */
export function renderLockReply(reply: LockReply): string {
  const env = escapeMarkdown(reply.environment);
  const unlock = codeSpan(`/unlock ${reply.environment}`);
  const force = codeSpan(`/unlock ${reply.environment} --force`);
  switch (reply.outcome) {
    case 'locked':
      return [
        `### 🔒 Locked ${env}`,
        '',
        `Only ${formatLogin(reply.lock.owner.login)} may promote to ${env} until ${unlock}${reply.lock.owner.pullRequest !== undefined ? ` or until #${reply.lock.owner.pullRequest} is merged or closed` : ''}.`,
        ...reason(reply.lock),
      ].join('\n');
    case 'already-yours':
      return [
        `### 🔒 ${env} is already locked by you`,
        '',
        `Since ${formatTime(reply.lock.createdAt)}.`,
        ...reason(reply.lock),
      ].join('\n');
    case 'held-by-other':
      return [
        `### 🔒 ${env} is locked by ${formatLogin(reply.lock.owner.login)}`,
        '',
        `${reply.lock.sticky ? 'Locked' : 'A promotion has held it'} since ${formatTime(reply.lock.createdAt)}${reply.lock.owner.pullRequest !== undefined ? ` in #${reply.lock.owner.pullRequest}` : ''}${reply.lock.link ? ` (${link('comment', reply.lock.link)})` : ''}.`,
        ...(reply.lock.sticky ? reason(reply.lock) : ['', 'Try again when it is done.']),
        '',
        `${formatLogin(reply.lock.owner.login)} can release it with ${unlock}; anyone who may promote here can with ${force}.`,
      ].join('\n');
    case 'unreadable':
      return [
        `### 🔒 ${env} has a lock that cannot be read`,
        '',
        `${escapeMarkdown(reply.detail)}. It blocks every promotion to ${env} until ${force} clears it.`,
      ].join('\n');
    case 'unlocked':
      return [
        `### 🔓 Unlocked ${env}`,
        ...(reply.lock
          ? [
              '',
              `The lock of ${formatLogin(reply.lock.owner.login)} (since ${formatTime(reply.lock.createdAt)}) is released.`,
            ]
          : []),
      ].join('\n');
    case 'not-locked':
      return `### 🔓 ${env} is not locked\n\nNothing to release.`;
    case 'not-yours':
      return [
        `### 🔒 ${env} is locked by ${reply.lock ? formatLogin(reply.lock.owner.login) : 'someone else'}`,
        '',
        `Only its owner releases it with ${unlock}; ${force} releases anyone's.`,
      ].join('\n');
  }
}

function reason(lock: LockSummary): string[] {
  return lock.reason ? ['', `> ${escapeMarkdown(lock.reason)}`] : [];
}
