import type { Command } from '../../core/commands/command-types.js';
import { parseCommand } from '../../core/commands/parse-command.js';
import { isUserError } from '../../core/errors.js';
import type { CommentCommandRequest } from './command-ports.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';
import type { CommandResult } from './command-result.js';
import { loadCommandContext, type CommandContext } from './load-command-context.js';
import { replies } from './command-replies.js';
import { runHelpCommand } from './run-help-command.js';
import { runLockCommand } from './run-lock-command.js';
import { runPromoteCommand } from './run-promote-command.js';
import { runRollbackCommand } from './run-rollback-command.js';
import { runStatusCommand } from './run-status-command.js';
import { runUnlockCommand } from './run-unlock-command.js';

export type CommentCommandOutcome =
  /** Not addressed to the app: nothing was called. */
  | { status: 'ignored' }
  /** Another handler (a replica, an earlier delivery) had claimed the comment. */
  | { status: 'duplicate'; noticed: boolean }
  | ({ status: 'handled'; replyUrl?: string } & CommandResult);

/**
 * One comment command, from receipt to reply. The claim (the app's 👀 on the comment) comes first:
 * of several deliveries of one comment, to one replica or several, exactly one gets past it. Then
 * the commenter and the pull request as the API says (forks are refused), the ops config and the
 * registry, the command's own use case, and at the end always a reply and 🚀 or 👎 — a failure at
 * any step is a reply too.
 */
export async function runCommentCommand(
  request: CommentCommandRequest,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommentCommandOutcome> {
  if (parseCommand(request.comment.body).kind === 'not-a-command') return { status: 'ignored' };
  if ((await ports.thread.claim()) === 'taken') return duplicate(request, ports);
  let result: CommandResult;
  try {
    result = await handleClaimed(request, settings, ports);
  } catch (error) {
    result = failed(error);
  }
  return { status: 'handled', ...result, ...(await finish(result, ports)) };
}

async function handleClaimed(
  request: CommentCommandRequest,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  // Everything read on arrival at once: the pull request's origin, the ops config and the registry.
  const context = await loadCommandContext(settings.configPath, request.pullRequest, ports);
  if (context.pullRequest.fromFork) return refused(replies.fork());
  const parsed = parseCommand(request.comment.body, {
    knownEnvironments: Object.keys(context.ops.config.environments),
    knownModels: [...context.registry.models.keys()],
  });
  if (parsed.kind === 'not-a-command') return refused(replies.notACommand());
  if (parsed.kind === 'invalid') return refused(replies.invalid(parsed));
  return dispatch(parsed, request, context, settings, ports);
}

function dispatch(
  command: Command,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  switch (command.kind) {
    case 'promote':
      return runPromoteCommand(command, request, context, settings, ports);
    case 'rollback':
      return runRollbackCommand(command, request, context, settings, ports);
    case 'status':
      return runStatusCommand(command, context, ports);
    case 'lock':
      return runLockCommand(command, request, context, ports);
    case 'unlock':
      return runUnlockCommand(command, request, context, ports);
    case 'help':
      return runHelpCommand(context);
  }
}

/**
 * A comment someone already has: said once (the first duplicate also takes the 😕 claim, so a third
 * delivery stays silent), naming whether the first handling has finished.
 */
async function duplicate(
  request: CommentCommandRequest,
  ports: CommentCommandPorts,
): Promise<CommentCommandOutcome> {
  if ((await ports.thread.claimDuplicateNotice()) === 'taken') return { status: 'duplicate', noticed: false };
  const finished = await ports.thread.finished();
  await ports.thread.reply(replies.duplicate(request, finished));
  return { status: 'duplicate', noticed: true };
}

const refused = (reply: string): CommandResult => ({ outcome: 'refused', reply });

function failed(error: unknown): CommandResult {
  if (isUserError(error)) return { outcome: 'refused', reply: replies.userError(error) };
  return { outcome: 'failed', reply: replies.failure(error) };
}

/**
 * The reply and the final reaction, after the writes still waiting to travel with the command's next
 * write (the deployment's last status, the lock's release); the reaction is given even when the
 * reply cannot be posted.
 */
async function finish(result: CommandResult, ports: CommentCommandPorts): Promise<{ replyUrl?: string }> {
  const good = result.outcome === 'done' || result.outcome === 'unchanged' || result.outcome === 'dry-run';
  const { url } = await ports.thread.finish({ reply: result.reply, reaction: good ? 'rocket' : '-1' });
  return url ? { replyUrl: url } : {};
}
