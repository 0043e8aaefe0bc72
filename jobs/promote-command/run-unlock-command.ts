import type { Command } from '../../core/commands/command-types.js';
import type { CommentCommandRequest } from './command-ports.js';
import { code, replies } from './command-replies.js';
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
  if (!target.ok) return { outcome: 'refused', reply: replies.refused(target.message) };
  const released = await ports.locks.release(
    target.environment,
    command.force ? { force: true } : { owner: request.comment.author },
  );
  if (released.released)
    return { outcome: 'done', reply: `${replies.marker}\n🔓 ${code(target.environment)} is unlocked.` };
  if (released.why === 'not-locked')
    return {
      outcome: 'unchanged',
      reply: `${replies.marker}\n🔓 ${code(target.environment)} was not locked.`,
    };
  return {
    outcome: 'refused',
    reply: `${replies.marker}\n👎 ${released.lock ? replies.lockText(target.environment, released.lock) : `${code(target.environment)} is locked by someone else`}; only its owner releases it, or \`/unlock ${target.environment} --force\`.`,
  };
}
