import type { Command } from '../../core/commands/command-types.js';
import { markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import { renderLockReply } from '../../core/report/promotion/render-lock-replies.js';
import type { CommentCommandRequest } from './command-ports.js';
import { replies, ruleSourceFor } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import { commandTarget } from './command-target.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/** `/unlock ENV [--force]`: releases the commenter's lock; `--force` also someone else's or an unreadable one. */
export async function runUnlockCommand(
  command: Extract<Command, { kind: 'unlock' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = await commandTarget(command, 'unlock', request, context, ports);
  if (!target.ok)
    return {
      outcome: 'refused',
      reply: replies.refusedCommand({ command }, [target.message], ruleSourceFor(context)),
    };
  const { environment } = target;
  const released = await ports.locks.release(
    environment,
    command.force ? { force: true } : { owner: request.comment.author },
  );
  if (released.released)
    return {
      outcome: 'done',
      reply: markCommandReply(
        renderLockReply({
          outcome: 'unlocked',
          environment,
          ...(released.lock ? { lock: released.lock } : {}),
        }),
      ),
    };
  if (released.why === 'not-locked')
    return {
      outcome: 'unchanged',
      reply: markCommandReply(renderLockReply({ outcome: 'not-locked', environment })),
    };
  return {
    outcome: 'refused',
    reply: markCommandReply(
      renderLockReply({
        outcome: 'not-yours',
        environment,
        ...(released.lock ? { lock: released.lock } : {}),
      }),
    ),
  };
}
