import type { Command } from '../../core/commands/command-types.js';
import { COMMAND_USAGE } from '../../core/commands/command-grammar.js';
import { UserError } from '../../core/errors.js';
import type { ModelState, ModelVersion } from '../../core/registry/registry-types.js';
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
 * The version that ran in the environment before the current one: walking the stage's assignments
 * newest first, the first active version that is not the current holder.
 */
function previousVersion(model: ModelState, environment: string): ModelVersion | undefined {
  const current = model.stages[environment]?.version;
  const assigned = model.events
    .filter((e) => e.action === 'assign' && e.stage === environment && e.version && e.version !== current)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const event of assigned) {
    const version = model.versions.find((v) => v.version === event.version);
    if (version?.status === 'active') return version;
  }
  return undefined;
}

/**
 * `/rollback [ENV] [NAME] [to VERSION] [--dry-run]`: back to the given version, or to the one that
 * ran before. A rollback is for 3 a.m.: it skips the gate, the order and the soak — never the
 * permission, and never someone else's lock.
 */
export async function runRollbackCommand(
  command: Extract<Command, { kind: 'rollback' }>,
  request: CommentCommandRequest,
  context: CommandContext,
  settings: CommandSettings,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  const target = commandTarget(command, context, COMMAND_USAGE.rollback);
  const denied = await authorizeCommenter(
    request.comment.author,
    target.environment,
    target.settings.policy,
    ports.facts,
    'rolling back',
  );
  if (denied) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${denied}` };
  const model = context.registry.models.get(target.model);
  const version = command.version
    ? resolveVersion(context.registry, target.model, command.version)
    : model && previousVersion(model, target.environment);
  if (!model || !version)
    throw new UserError(
      'input',
      `${target.environment} has no earlier version of ${target.model} in the registry to roll back to: name one (/rollback ${target.environment} to VERSION)`,
    );
  const locks = await ports.locks.sticky([target.environment]);
  const refusal = promotionRefusal({
    kind: 'rollback',
    version,
    model,
    environment: target.environment,
    settings: target.settings,
    now: ports.clock.now(),
    ...(locks.has(target.environment) ? { lock: locks.get(target.environment)! } : {}),
    actor: request.comment.author,
    pullRequest: request.pullRequest,
  });
  if (refusal) return { outcome: 'refused', reply: `${replies.marker}\n👎 ${refusal}` };
  return carryOutPromotion(
    { kind: 'rollback', ...target, version, dryRun: command.dryRun },
    request,
    context,
    settings,
    ports,
  );
}
