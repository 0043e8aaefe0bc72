import { closestName } from '../checks/closest-name.js';
import type { Environment, Environments } from '../config/environments-config-schema.js';
import type { PolicyRefusal } from './policy-refusal.js';

export type EnvironmentRefusalCode =
  | 'no-environments'
  | 'unknown-environment'
  | 'environment-required'
  | 'default-environment-protected'
  | 'default-environment-unknown';

/** The part of the ops repository's config that says which environments exist. */
export interface EnvironmentsConfig {
  environments?: Environments;
  'default-environment'?: string;
}

/** The command, as far as choosing its environment goes. */
export interface EnvironmentRequest {
  kind: 'promote' | 'rollback' | 'status' | 'lock' | 'unlock';
  environment?: string;
  version?: string;
  model?: string;
}

export type ResolvedEnvironment =
  | { ok: true; name: string; environment: Environment; defaulted: boolean }
  | ({ ok: false } & PolicyRefusal<EnvironmentRefusalCode>);

/**
 * The environment a command means: the one it names, or the config's `default-environment` when it
 * names none — but never a `protected: true` one, so no naked command reaches production.
 */
export function resolveEnvironment(
  command: EnvironmentRequest,
  config: EnvironmentsConfig,
): ResolvedEnvironment {
  const environments = config.environments ?? {};
  const names = Object.keys(environments);
  if (names.length === 0)
    return refuse(
      'no-environments',
      'The ops repository configures no environments (its environments section).',
    );
  if (command.environment !== undefined) {
    const environment = environments[command.environment];
    if (environment) return { ok: true, name: command.environment, environment, defaulted: false };
    const guess = closestName(command.environment, names);
    return refuse(
      'unknown-environment',
      `There is no environment "${command.environment}"${guess ? `: did you mean ${guess}?` : ` (environments: ${names.join(', ')}).`}`,
    );
  }
  const fallback = config['default-environment'];
  const example = exampleCommand(command, names.find((n) => environments[n]!.protected) ?? names[0]!);
  if (fallback === undefined) return refuse('environment-required', `Name the environment: ${example}`);
  const environment = environments[fallback];
  if (!environment)
    return refuse(
      'default-environment-unknown',
      `The config's default-environment "${fallback}" is not one of its environments (${names.join(', ')}).`,
    );
  if (environment.protected)
    return refuse(
      'default-environment-protected',
      `Name the environment: ${exampleCommand(command, fallback)} (${fallback} is protected, so a command must name it).`,
    );
  return { ok: true, name: fallback, environment, defaulted: true };
}

function exampleCommand(command: EnvironmentRequest, environment: string): string {
  switch (command.kind) {
    case 'promote':
      return `/promote ${[command.version ?? 'v5', command.model].filter(Boolean).join(' ')} to ${environment}`;
    case 'rollback':
      return `/rollback ${environment}${command.model ? ` ${command.model}` : ''}${command.version ? ` to ${command.version}` : ''}`;
    default:
      return `/${command.kind} ${environment}`;
  }
}

function refuse(code: EnvironmentRefusalCode, message: string): ResolvedEnvironment {
  return { ok: false, code, message };
}
