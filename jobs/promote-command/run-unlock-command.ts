import type { Command } from '../../core/commands/command-types.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import { authorizeCommenter } from './authorize-commenter.js';
import type { CommentCommandRequest } from './command-ports.js';
import { code, replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/** `/unlock ENV [--force]`: releases the sticky lock; `--force` also someone else's or an unreadable one. */
export async function runUnlockCommand(
  command: Extract<Command, { kind: 'unlock' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const settings = environmentOf(context.ops.config, command.environment);
  const denied = await authorizeCommenter(request.comment.author, command.environment, settings.policy, ports.facts, 'unlocking');
  if (denied) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${denied}` };
  const released = await ports.locks.release(command.environment, 'sticky', {
    login: request.comment.author,
    pullRequest: request.pullRequest,
    force: command.force,
  });
  if (released.released)
    return { outcome: 'done', reply: `${replies.marker}\n🔓 ${code(command.environment)} is unlocked.` };
  if (!released.holder)
    return { outcome: 'unchanged', reply: `${replies.marker}\n🔓 ${code(command.environment)} was not locked.` };
  return {
    outcome: 'refused',
    reply: `${replies.marker}\n👎 ${replies.lockText(command.environment, released.holder)}; only its holder releases it (or \`/unlock ${command.environment} --force\`).`,
  };
}
