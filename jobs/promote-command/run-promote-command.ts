import type { Command } from '../../core/commands/command-types.js';
import { COMMAND_USAGE } from '../../core/commands/command-grammar.js';
import { resolveVersion } from '../../core/registry/resolve-version.js';
import { authorizeCommenter } from './authorize-commenter.js';
import { carryOutPromotion } from './carry-out-promotion.js';
import type { CommentCommandRequest } from './command-ports.js';
import { replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import { commandTarget } from './command-target.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';
import { promotionRefusal } from './promotion-preconditions.js';

/**
 * `/promote VERSION [NAME] [to ENV] [--dry-run]`: who may (the environment's policy), the version
 * resolved now to its tag, commit and record (a version registered later does not count), the
 * preconditions (gate, order and soak, locks), then the promotion's writes.
 */
export async function runPromoteCommand(
  command: Extract<Command, { kind: 'promote' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = commandTarget(command, context, COMMAND_USAGE.promote);
  const denied = await authorizeCommenter(
    request.comment.author,
    target.environment,
    target.settings.policy,
    ports.facts,
    'promoting to',
  );
  if (denied) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${denied}` };
  const version = resolveVersion(context.registry, target.model, command.version);
  const locks = await ports.locks.sticky([target.environment]);
  const refusal = promotionRefusal({
    kind: 'promote',
    version,
    model: context.registry.models.get(target.model)!,
    environment: target.environment,
    settings: target.settings,
    now: ports.clock.now(),
    ...(locks.has(target.environment) ? { lock: locks.get(target.environment)! } : {}),
    actor: request.comment.author,
    pullRequest: request.pullRequest,
  });
  if (refusal) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${refusal}` };
  return carryOutPromotion(
    { kind: 'promote', ...target, version, dryRun: command.dryRun },
    request,
    context,
    settings,
    ports,
  );
}
