import type { Command } from '../../core/commands/command-types.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import { authorizeCommenter } from './authorize-commenter.js';
import type { CommentCommandRequest } from './command-ports.js';
import { code, plain, replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/** `/lock ENV --reason "…"`: a sticky lock, held until /unlock or until this pull request closes. */
export async function runLockCommand(
  command: Extract<Command, { kind: 'lock' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const settings = environmentOf(context.ops.config, command.environment);
  const denied = await authorizeCommenter(request.comment.author, command.environment, settings.policy, ports.facts, 'locking');
  if (denied) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${denied}` };
  const taken = await ports.locks.acquire({
    environment: command.environment,
    kind: 'sticky',
    by: request.comment.author,
    reason: command.reason,
    pullRequest: request.pullRequest,
    since: ports.clock.now().toISOString(),
  });
  if (!taken.acquired) {
    const holder = taken.holder;
    if (holder !== 'unreadable' && holder.pullRequest === request.pullRequest)
      return { outcome: 'unchanged', reply: `${replies.marker}\n🔒 ${code(command.environment)} is already locked from this pull request.` };
    return { outcome: 'refused', reply: replies.locked(command.environment, holder) };
  }
  return {
    outcome: 'done',
    reply: `${replies.marker}\n🔒 ${code(command.environment)} is locked by @${request.comment.author}: ${plain(command.reason)}. Promotions by others are refused until \`/unlock ${command.environment}\` or until this pull request is closed.`,
  };
}
