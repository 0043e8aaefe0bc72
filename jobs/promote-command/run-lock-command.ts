import type { Command } from '../../core/commands/command-types.js';
import { lockClaimId } from '../../core/locks/lock-claim-id.js';
import { markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import { renderLockReply } from '../../core/report/promotion/render-lock-replies.js';
import type { CommentCommandRequest } from './command-ports.js';
import { replies, ruleSourceFor } from './command-replies.js';
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
  if (!target.ok)
    return {
      outcome: 'refused',
      reply: replies.refusedCommand({ command }, [target.message], ruleSourceFor(context)),
    };
  const { environment } = target;
  const result = await ports.locks.claim({
    environment,
    owner: { login: request.comment.author, pullRequest: request.pullRequest },
    reason: command.reason,
    sticky: true,
    claimId: lockClaimId({
      repository: `${request.repository.owner}/${request.repository.repo}`,
      commentId: request.comment.id,
      environment,
      purpose: 'sticky',
    }),
    at: request.comment.createdAt,
    link: request.comment.url,
  });
  switch (result.status) {
    case 'unreadable':
      return { outcome: 'refused', reply: replies.locked(environment, { unreadable: result.detail }) };
    case 'held-by-other':
      return { outcome: 'refused', reply: replies.locked(environment, result.lock) };
    case 'held-by-us':
      // A retry of this very comment finds its own lock: answered as the first time.
      if (!result.sameClaim)
        return {
          outcome: 'unchanged',
          reply: markCommandReply(
            renderLockReply({ outcome: 'already-yours', environment, lock: result.lock }),
          ),
        };
      break;
    case 'claimed':
      break;
  }
  return {
    outcome: 'done',
    reply: markCommandReply(renderLockReply({ outcome: 'locked', environment, lock: result.lock })),
  };
}
