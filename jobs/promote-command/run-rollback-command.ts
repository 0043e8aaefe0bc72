import type { Command } from '../../core/commands/command-types.js';
import { checkPreconditions } from '../../core/promotion-policy/check-preconditions.js';
import { resolveRollbackTarget } from '../../core/promotion-policy/resolve-rollback-target.js';
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
 * `/rollback [ENV] [NAME] [to VERSION] [--dry-run]`: back to the named version, or to the one that
 * ran before (the stage's previous holder). A rollback is for 3 a.m.: it skips the gate, the order
 * and the soak — never the permission, the version's state or someone else's lock. A default
 * rollback is recorded as the current version's unassignment, so a second one walks further back.
 */
export async function runRollbackCommand(
  command: Extract<Command, { kind: 'rollback' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = await commandTarget(command, 'rollback', request, context, ports);
  if (!target.ok)
    return {
      outcome: 'refused',
      reply: replies.refusedCommand({ command }, [target.message], ruleSourceFor(context)),
    };
  const now = ports.clock.now().toISOString();
  const history = context.registry.models.get(target.model)?.events ?? [];
  const explicit = command.version
    ? resolveVersion(context.registry, target.model, command.version)
    : undefined;
  const goal = resolveRollbackTarget(history, target.environment, {
    model: target.model,
    ...(explicit ? { explicit: explicit.version } : {}),
    now,
  });
  if (!goal.ok)
    return { outcome: 'refused', reply: replies.refusedCommand({ command, ...target }, [goal.message]) };
  const version = explicit ?? resolveVersion(context.registry, target.model, goal.version);
  const failures = [
    ...checkPreconditions({
      version,
      environment: { name: target.environment, settings: target.settings },
      history,
      now,
      requester: request.comment.author,
      isRollback: true,
    }),
    ...(await checkVersionArtifacts(version, ports.releases)),
  ];
  if (failures.length > 0)
    return { outcome: 'refused', reply: replies.refusedByRules({ command, ...target }, failures, context) };
  return carryOutPromotion(
    {
      kind: 'rollback',
      ...target,
      version,
      dryRun: command.dryRun,
      ...(!goal.explicit && goal.current ? { unassign: goal.current } : {}),
    },
    request,
    context,
    settings,
    ports,
  );
}
