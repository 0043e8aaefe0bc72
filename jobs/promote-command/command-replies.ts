import type { ParsedComment } from '../../core/commands/command-types.js';
import type { UserError } from '../../core/errors.js';
import { formatLocation } from '../../core/errors.js';
import type { EnvironmentLock } from '../ports/environment-locks.js';
import type { CommentCommandRequest } from './command-ports.js';

/** Text from a comment or a config, shown inside inline code: backticks cannot close it early. */
export const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;

/** Plain text from outside (a lock's reason, an error) quoted so it cannot mention, link or format. */
export const plain = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#|@!~])/g, '\\$1');

const lockText = (environment: string, lock: EnvironmentLock | { unreadable: string }) =>
  'unreadable' in lock
    ? `${code(environment)} has a lock that cannot be read (${plain(lock.unreadable)}); nothing is promoted there until it is cleared (\`/unlock ${environment} --force\`)`
    : `${code(environment)} is locked by @${lock.owner.login}${lock.owner.pullRequest ? ` (#${lock.owner.pullRequest})` : ''} since ${lock.createdAt}${lock.reason ? `: ${plain(lock.reason)}` : ''}`;

/**
 * The reply texts of the commands that are not a promotion's own (refusals, failures, duplicates).
 * Every reply starts with a marker line so the app's own comments are recognisable.
 */
export const replies = {
  marker: '<!-- modelship:command -->',
  fork: () =>
    `${replies.marker}\n👎 Commands are not taken from pull requests opened from forks: a fork's author does not hold a role in this repository. Comment from a pull request of this repository.`,
  notACommand: () => `${replies.marker}\n👎 This is not a command the app knows. Try \`/help\`.`,
  invalid: (parsed: Extract<ParsedComment, { kind: 'invalid' }>) =>
    `${replies.marker}\n👎 ${plain(parsed.message)}${parsed.usage ? `\n\nUsage: ${code(parsed.usage)}` : ''}`,
  duplicate: (request: CommentCommandRequest, finished: boolean) =>
    `${replies.marker}\nThis command was delivered again (delivery ${code(request.deliveryId)}) and was already ${finished ? 'handled' : 'being handled'}: nothing more was done.${finished ? '' : ' If no answer follows, its handling was interrupted: `/status` shows what was written; comment the command again to finish it.'}`,
  /** A rule said no: each reason on its own line, as the policy worded it. */
  refused: (...reasons: string[]) =>
    `${replies.marker}\n👎 ${reasons.length === 1 ? plain(reasons[0]!) : reasons.map((r) => `\n- ${plain(r)}`).join('')}`,
  locked: (environment: string, lock: EnvironmentLock | { unreadable: string }) =>
    `${replies.marker}\n👎 ${lockText(environment, lock)}.`,
  lockText,
  userError: (error: UserError) => {
    const where = formatLocation(error.location);
    return `${replies.marker}\n👎 ${plain(error.message)}${where ? ` (${plain(where)})` : ''}`;
  },
  failure: (error: unknown) =>
    `${replies.marker}\n💥 The command failed: ${plain(error instanceof Error ? error.message : String(error))}. Nothing half-done is left unreported: \`/status\` shows what each environment runs; comment the command again to retry.`,
};
