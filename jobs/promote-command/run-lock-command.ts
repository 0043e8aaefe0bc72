import type { Command } from '../../core/commands/command-types.js';
import { lockClaimId } from '../../core/locks/lock-claim-id.js';
import type { CommentCommandRequest } from './command-ports.js';
import { code, plain, replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import { commandTarget } from './command-target.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/** `/lock ENV --reason "…"`: a sticky lock, held until /unlock or until this pull request closes. */
export async function runLockCommand(
  command: Extract<Command, { kind: 'lock' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = await commandTarget(command, 'lock', request, context, ports);
  if (!target.ok) return { outcome: 'refused', reply: replies.refused(target.message) };
  const result = await ports.locks.claim({
    environment: target.environment,
    owner: { login: request.comment.author, pullRequest: request.pullRequest },
    reason: command.reason,
    sticky: true,
    claimId: lockClaimId({
      repository: `${request.repository.owner}/${request.repository.repo}`,
      commentId: request.comment.id,
      environment: target.environment,
      purpose: 'sticky',
    }),
    at: request.comment.createdAt,
    link: request.comment.url,
  });
  if (result.status === 'unreadable')
    return { outcome: 'refused', reply: replies.locked(target.environment, { unreadable: result.detail }) };
  if (result.status === 'held-by-other')
    return { outcome: 'refused', reply: replies.locked(target.environment, result.lock) };
  if (result.status === 'held-by-us' && !result.sameClaim)
    return {
      outcome: 'unchanged',
      reply: `${replies.marker}\n🔒 ${code(target.environment)} is already locked by you: ${plain(result.lock.reason)}.`,
    };
  return {
    outcome: 'done',
    reply: `${replies.marker}\n🔒 ${code(target.environment)} is locked by @${request.comment.author}: ${plain(command.reason)}. Promotions by others are refused until \`/unlock ${target.environment}\`, or until this pull request is merged or closed.`,
  };
}
