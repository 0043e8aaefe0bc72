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
        ...heldByOther(reply),
      ].join('\n');
    case 'unreadable':
      return [`### 🔒 ${env} has a lock that cannot be read`, '', ...unreadableLock(reply)].join('\n');
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

/** Whose lock it is, since when, why, and who can release it: for /lock and for a promotion it stops. */
export function heldByOther({ environment, lock }: { environment: string; lock: LockSummary }): string[] {
  return [
    `${lock.sticky ? 'Locked' : 'A promotion has held it'} since ${formatTime(lock.createdAt)}${lock.owner.pullRequest !== undefined ? ` in #${lock.owner.pullRequest}` : ''}${lock.link ? ` (${link('comment', lock.link)})` : ''}.`,
    ...(lock.sticky ? reason(lock) : ['', 'Try again when it is done.']),
    '',
    `${formatLogin(lock.owner.login)} can release it with ${codeSpan(`/unlock ${environment}`)}; anyone who may promote here can with ${codeSpan(`/unlock ${environment} --force`)}.`,
  ];
}

/** An unreadable lock blocks, and says how to clear it. */
export function unreadableLock({ environment, detail }: { environment: string; detail: string }): string[] {
  const env = escapeMarkdown(environment);
  return [
    `${escapeMarkdown(detail.replace(/\.$/, ''))}. It blocks every promotion to ${env} until ${codeSpan(`/unlock ${environment} --force`)} clears it.`,
  ];
}

/** A lock in one line (for a sentence of another reply). */
export function describeLock(environment: string, lock: LockSummary | { unreadable: string }): string {
  const env = escapeMarkdown(environment);
  if ('unreadable' in lock)
    return `${env} has a lock that cannot be read (${escapeMarkdown(lock.unreadable)}); ${codeSpan(`/unlock ${environment} --force`)} clears it`;
  const pr = lock.owner.pullRequest !== undefined ? ` in #${lock.owner.pullRequest}` : '';
  const why = lock.reason && lock.sticky ? `: ${escapeMarkdown(lock.reason)}` : '';
  return `${env} is locked by ${formatLogin(lock.owner.login)}${pr} since ${formatTime(lock.createdAt)}${why}`;
}

function reason(lock: LockSummary): string[] {
  return lock.reason ? ['', `> ${escapeMarkdown(lock.reason)}`] : [];
}
