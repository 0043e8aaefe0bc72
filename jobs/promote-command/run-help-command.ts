import { markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import { renderHelp } from '../../core/report/promotion/render-help.js';
import type { CommandResult } from './command-result.js';
import type { CommandContext } from './load-command-context.js';

/** More models than this are not listed in /help (`/status` shows the targeted ones). */
const MAX_MODELS_LISTED = 20;

/** `/help`: the commands and the effective configuration — environments, order, soak, who may. */
export async function runHelpCommand(context: CommandContext): Promise<CommandResult> {
  const models = [...context.registry.models.keys()].sort();
  return {
    outcome: 'done',
    reply: markCommandReply(
      renderHelp({
        environments: context.ops.config.environments,
        ...(context.ops.defaultEnvironment ? { defaultEnvironment: context.ops.defaultEnvironment } : {}),
        ...(models.length <= MAX_MODELS_LISTED ? { models } : {}),
        ruleSource: { repository: context.ops.name, path: configPath(context) },
      }),
    ),
  };
}

/** The config's path in the ops repository (its loader may name the file `owner/ops:path`). */
function configPath(context: CommandContext): string {
  const prefix = `${context.ops.name}:`;
  const file = context.ops.config.file;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}
