import { UserError } from '../../core/errors.js';
import type { Environment } from '../../core/config/environments-config-schema.js';
import { environmentOf } from '../../core/promotion/parse-ops-config.js';
import type { CommandContext } from './load-command-context.js';

/**
 * The model and environment a command means. NAME may be left out when the registry holds one model
 * (or the ops config targets one); ENV only when the ops config names a `default-environment`, and
 * never for a protected one: a naked command does not reach production.
 */
export function commandTarget(
  command: { model?: string; environment?: string },
  context: CommandContext,
  usage: string,
): { model: string; environment: string; settings: Environment } {
  const model = command.model ?? onlyModel(context, usage);
  const name = command.environment ?? context.ops.defaultEnvironment;
  if (name === undefined)
    throw new UserError(
      'usage',
      `say which environment: ${usage} (the ops config names no \`default-environment\`)`,
    );
  const settings = environmentOf(context.ops.config, name);
  if (command.environment === undefined && settings.protected)
    throw new UserError(
      'usage',
      `${name} is protected: name it in the command (${usage.replace('[to ENV]', `to ${name}`)})`,
    );
  return { model, environment: name, settings };
}

function onlyModel(context: CommandContext, usage: string): string {
  const registered = [...context.registry.models.keys()];
  if (registered.length === 1) return registered[0]!;
  const targeted = new Set(
    Object.values(context.ops.config.environments).flatMap((e) => e.targets.map((t) => t.model)),
  );
  if (registered.length === 0 && targeted.size === 1) return [...targeted][0]!;
  throw new UserError(
    'usage',
    `this repository registers ${registered.length === 0 ? 'no model' : `several models (${registered.join(', ')})`}: name the model (${usage})`,
  );
}
