import type { Command } from '../../core/commands/command-types.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import { readEnvironmentStatus } from '../promote/read-environment-status.js';
import { resolveStatusSettings } from '../promote/promote-settings.js';
import { code, plain, replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';
import { rememberedOps, rememberedRegistry } from './remembered-reads.js';

/**
 * `/status [ENV]`: what each environment runs per the ops repository, what the registry's stage
 * says, and locks. Where the two disagree a promotion was left half-done (its ops commit without
 * its stage tag, or a hand edit): the reply says so and how to finish it.
 */
export async function runStatusCommand(
  command: Extract<Command, { kind: 'status' }>,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandResult> {
  if (command.environment) environmentOf(context.ops.config, command.environment);
  const targeted = new Set(
    Object.values(context.ops.config.environments).flatMap((e) => e.targets.map((t) => t.model)),
  );
  const models = [...new Set([...context.registry.models.keys()].filter((m) => targeted.has(m)))].sort();
  const reads = {
    ops: rememberedOps(ports.ops, context.ops.snapshot),
    registry: rememberedRegistry(context.tags),
  };
  const locks = new Map(
    (await ports.locks.list()).map(
      (l) => [l.state === 'locked' ? l.lock.environment : l.environment, l] as const,
    ),
  );
  const rows: string[] = [];
  const notes: string[] = [];
  for (const model of models) {
    const status = await readEnvironmentStatus(
      resolveStatusSettings({
        model,
        ...(command.environment ? { environments: [command.environment] } : {}),
      }),
      reads,
    );
    const state = context.registry.models.get(model);
    for (const env of status.environments) {
      const stage = state?.stages[env.environment];
      const runs = env.disagreement ? 'targets disagree' : (env.version ?? 'unknown');
      const lock = locks.get(env.environment);
      rows.push(
        `| ${code(model)} | ${code(env.environment)} | ${code(runs)} | ${stage ? `${code(stage.version)} since ${stage.assignedAt}` : '—'} | ${lock?.state === 'unreadable' ? 'unreadable lock' : lock?.state === 'locked' ? `🔒 @${lock.lock.owner.login}${lock.lock.reason ? `: ${plain(lock.lock.reason)}` : ''}` : ''} |`,
      );
      if (env.disagreement)
        notes.push(
          `${code(env.environment)}: the targets of ${code(model)} run different values (${env.targets.map((t) => `${code(t.file)} ${code(t.value)}`).join(', ')}).`,
        );
      else if (env.version && stage?.version !== env.version)
        notes.push(
          `${code(env.environment)}: the ops repository runs ${code(env.version)} but the registry's stage says ${stage ? code(stage.version) : 'nothing'} — a promotion left half-done (its commit without its stage tag) or a hand edit. \`/promote ${env.version} ${model} to ${env.environment}\` finishes it (nothing is committed again).`,
        );
    }
  }
  const table = rows.length
    ? [
        '| Model | Environment | Ops repository runs | Registry stage | Lock |',
        '|---|---|---|---|---|',
        ...rows,
      ].join('\n')
    : 'No registered model is targeted by the ops config.';
  return {
    outcome: 'done',
    reply: `${replies.marker}\n📋 Status from ${code(context.ops.name)} at ${code(context.ops.snapshot.commit.slice(0, 7))}:\n\n${table}${notes.length ? `\n\n${notes.map((n) => `- ⚠️ ${n}`).join('\n')}` : ''}`,
  };
}
