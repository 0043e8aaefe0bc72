import type { Command } from '../../core/commands/command-types.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import { markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import type { StatusRow } from '../../core/report/promotion/promotion-reply-views.js';
import { renderStatus } from '../../core/report/promotion/render-status.js';
import type { EnvironmentStatus } from '../promote/promotion-outcome.js';
import { readEnvironmentStatus } from '../promote/read-environment-status.js';
import { resolveStatusSettings } from '../promote/promote-settings.js';
import type { CommandResult } from './command-result.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';
import { rememberedOps, rememberedRegistry } from './remembered-reads.js';

/**
 * `/status [ENV]`: what each environment runs per the ops repository, since when and by whom per the
 * registry's stage, and locks. Where the two disagree a promotion was left half-done (its ops commit
 * without its stage tag, or a hand edit): the reply says so and how to finish it.
 */
export async function runStatusCommand(
  command: Extract<Command, { kind: 'status' }>,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  if (command.environment) environmentOf(context.ops.config, command.environment);
  const environments = command.environment
    ? [command.environment]
    : Object.keys(context.ops.config.environments);
  const targeted = new Set(
    Object.values(context.ops.config.environments).flatMap((e) => e.targets.map((t) => t.model)),
  );
  const models = [...context.registry.models.keys()].filter((m) => targeted.has(m)).sort();
  const reads = {
    ops: rememberedOps(ports.ops, context.ops.snapshot),
    registry: rememberedRegistry(context.tags),
  };
  const locks = new Map(
    (await ports.locks.list()).map(
      (l) => [l.state === 'locked' ? l.lock.environment : l.environment, l] as const,
    ),
  );
  const lockOf = (environment: string) => {
    const lock = locks.get(environment);
    return lock ? { lock } : {};
  };
  const rows: StatusRow[] = [];
  for (const model of models) {
    const status = await readEnvironmentStatus(
      resolveStatusSettings({
        model,
        ...(command.environment ? { environments: [command.environment] } : {}),
      }),
      reads,
    );
    for (const env of status.environments)
      rows.push({ ...statusRow(model, env, context), ...lockOf(env.environment) });
  }
  // No registered model targeted: the environments and their locks are still worth showing.
  if (models.length === 0)
    for (const environment of environments) rows.push({ environment, ...lockOf(environment) });
  return {
    outcome: 'done',
    reply: markCommandReply(
      renderStatus({
        rows,
        now: ports.clock.now().toISOString(),
        source: { repository: context.ops.name, commit: context.ops.snapshot.commit },
      }),
    ),
  };
}

/** One model in one environment: the ops repository's version, and the registry's stage when it agrees. */
function statusRow(model: string, env: EnvironmentStatus, context: CommandContext): StatusRow {
  const row: StatusRow = { environment: env.environment, model };
  if (env.disagreement) {
    const values = env.targets.map((t) => `${t.file}:${t.line} ${t.value}`).join(', ');
    return { ...row, disagreement: `the targets of ${model} run different values (${values})` };
  }
  if (env.version === undefined) return row;
  const state = context.registry.models.get(model);
  const stage = state?.stages[env.environment];
  if (stage?.version !== env.version)
    return { ...row, version: env.version, stageMismatch: stage ? { stage: stage.version } : {} };
  const by = requestedBy(state?.events.find((e) => e.tag === stage.tag));
  return { ...row, version: env.version, since: stage.assignedAt, ...(by ? { by } : {}) };
}

/**
 * Who asked for a stage assignment: the app's tags name the commenter in a trailer (their tagger is
 * the app); a tag made by hand or by the CLI names its tagger.
 */
function requestedBy(event: { by: string; message: string } | undefined): string | undefined {
  if (!event) return undefined;
  return /^Modelship-Requested-By: (.+)$/m.exec(event.message)?.[1]?.trim() || event.by || undefined;
}
