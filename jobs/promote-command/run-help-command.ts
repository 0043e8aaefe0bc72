import { COMMAND_USAGE } from '../../core/commands/command-grammar.js';
import { code, replies } from './command-replies.js';
import type { CommandResult } from './command-result.js';
import type { CommandContext } from './load-command-context.js';

/** `/help`: the commands and the effective configuration — environments, order, soak, who may. */
export async function runHelpCommand(context: CommandContext): Promise<CommandResult> {
  const rows = Object.entries(context.ops.config.environments).map(([name, e]) => {
    const who = [
      `${e.policy['min-role']}+`,
      ...(e.policy.users ? [`only ${e.policy.users.map((u) => `@${u}`).join(', ')}`] : []),
    ].join(', ');
    const rules = [
      e.after ? `after ${code(e.after)}${e.soak ? ` for ${e.soak}` : ''}` : '',
      e['require-gate'] ? 'gate must pass' : 'gate not required',
      e.protected ? 'protected (name it)' : '',
      name === context.ops.defaultEnvironment ? 'default' : '',
    ].filter(Boolean);
    return `| ${code(name)} | ${e.mode} | ${rules.join('; ')} | ${who} |`;
  });
  const commands = Object.values(COMMAND_USAGE).map((u) => `- ${code(u)}`);
  return {
    outcome: 'done',
    reply: [
      `${replies.marker}\n**Commands** (on the first line of a new comment):`,
      ...commands,
      '',
      `**Environments** (from ${code(context.ops.name)}'s default branch):`,
      '',
      '| Environment | Writes | Rules | Who may promote |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n'),
  };
}
