import type { Command } from '../../core/commands/command-types.js';
import { checkPreconditions } from '../../core/promotion-policy/check-preconditions.js';
import { resolveVersion } from '../../core/registry/resolve-version.js';
import { carryOutPromotion } from './carry-out-promotion.js';
import { checkVersionArtifacts } from './check-version-artifacts.js';
import type { CommentCommandRequest } from './command-ports.js';
import { replies, ruleSourceFor } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import { commandTarget } from './command-target.js';
import type { CommandSettings, CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/**
 * `/promote VERSION [NAME] [to ENV] [--dry-run]`: the environment and who may (its policy), the
 * version resolved now to its tag, commit and record (a version registered later does not count),
 * the preconditions (state, gate, order and soak), then the promotion's writes — where the
 * environment's lock is claimed (someone else's lock refuses it there, without another read).
 */
export async function runPromoteCommand(
  command: Extract<Command, { kind: 'promote' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = await commandTarget(command, 'promote', request, context, ports);
  if (!target.ok)
    return {
      outcome: 'refused',
      reply: replies.refusedCommand({ command }, [target.message], ruleSourceFor(context)),
    };
  const version = resolveVersion(context.registry, target.model, command.version);
  const failures = [
    ...checkPreconditions({
      version,
      environment: { name: target.environment, settings: target.settings },
      history: context.registry.models.get(target.model)?.events ?? [],
      now: ports.clock.now().toISOString(),
      requester: request.comment.author,
      isRollback: false,
    }),
    ...(await checkVersionArtifacts(version, ports.releases)),
  ];
  if (failures.length > 0)
    return { outcome: 'refused', reply: replies.refusedByRules({ command, ...target }, failures, context) };
  return carryOutPromotion(
    { kind: 'promote', ...target, version, dryRun: command.dryRun },
    request,
    context,
    settings,
    ports,
  );
}
