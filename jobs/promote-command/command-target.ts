import type { Environment } from '../../core/config/environments-config-schema.js';
import { UserError } from '../../core/errors.js';
import type { PolicyAction } from '../../core/promotion-policy/policy-refusal.js';
import {
  resolveEnvironment,
  type EnvironmentRequest,
} from '../../core/promotion-policy/resolve-environment.js';
import { authorizeCommenter } from './authorize-commenter.js';
import type { CommentCommandRequest } from './command-ports.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';

/** A command's model and environment, and whether the commenter may act on it. */
export type CommandTarget =
  { ok: true; model: string; environment: string; settings: Environment } | { ok: false; message: string };

/**
 * The environment (named, or the config's default — never a protected one), the model (named, or
 * the only one the repository registers or the ops config targets), then the commenter's role from
 * the API checked against that environment's policy in the ops repository's config (and the
 * policy's teams, asked only when they decide).
 */
export async function commandTarget(
  command: EnvironmentRequest,
  action: PolicyAction,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<CommandTarget> {
  const resolved = resolveEnvironment(command, {
    environments: context.ops.config.environments,
    ...(context.ops.defaultEnvironment ? { 'default-environment': context.ops.defaultEnvironment } : {}),
  });
  if (!resolved.ok) return { ok: false, message: resolved.message };
  const { role, permission } = await ports.facts.roleOf(request.comment.author);
  const authorization = await authorizeCommenter(
    { login: request.comment.author, role, permission, isBot: false, isFork: false },
    resolved.environment.policy,
    { action, environment: resolved.name },
    ports.teams,
  );
  if (!authorization.allowed) return { ok: false, message: authorization.message };
  return {
    ok: true,
    model: command.model ?? onlyModel(context),
    environment: resolved.name,
    settings: resolved.environment,
  };
}

function onlyModel(context: CommandContext): string {
  const registered = [...context.registry.models.keys()];
  if (registered.length === 1) return registered[0]!;
  const targeted = new Set(
    Object.values(context.ops.config.environments).flatMap((e) => e.targets.map((t) => t.model)),
  );
  if (registered.length === 0 && targeted.size === 1) return [...targeted][0]!;
  throw new UserError(
    'usage',
    `this repository registers ${registered.length === 0 ? 'no model' : `several models (${registered.join(', ')})`}: name the model in the command`,
  );
}
