import { parseYamlWithSchema } from '../config/parse-yaml.js';
import { opsConfigSchema } from '../config/ops-config-schema.js';
import type { Environment, Environments } from '../config/environments-config-schema.js';
import { fieldLine } from '../config/field-line.js';
import { closestName } from '../checks/closest-name.js';
import { UserError } from '../errors.js';

/** The ops repository's `.github/modelship.yml`, with its text kept to point errors at lines. */
export interface OpsConfig {
  file: string;
  text: string;
  environments: Environments;
  /** The environment a command without one means, when the config names one. */
  defaultEnvironment?: string;
}

/**
 * Parses the ops repository's config with the same loader as every other `.github/modelship.yml`
 * (every problem at once, with its line and field) and the environments part of its schema: the
 * other sections are not a promotion's business (see ops-config-schema.ts). A file without
 * environments promotes nothing, so it is refused saying what to add.
 */
export function parseOpsConfig(text: string, file: string, repository: string): OpsConfig {
  const config = parseYamlWithSchema(text, `${repository}:${file}`, opsConfigSchema);
  const environments = config.environments ?? {};
  if (Object.keys(environments).length === 0)
    throw new UserError(
      'config',
      'declares no environments: add an `environments:` section (e.g. `environments: { staging: { targets: [ … ] } }`) to say what a promotion changes',
      { file: `${repository}:${file}`, field: 'environments' },
    );
  const defaultEnvironment = config['default-environment'];
  return {
    file: `${repository}:${file}`,
    text,
    environments,
    ...(defaultEnvironment === undefined ? {} : { defaultEnvironment }),
  };
}

/** One environment by name; a misspelt one is refused with the nearest name. */
export function environmentOf(config: OpsConfig, name: string): Environment {
  const environment = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
  if (environment) return environment;
  const names = Object.keys(config.environments);
  const near = closestName(name, names);
  throw new UserError(
    'input',
    `no environment "${name}"${near ? ` (did you mean "${near}"?)` : ''}; the environments are: ${names.join(', ')}`,
    { file: config.file, field: 'environments', ...lineOf(config, 'environments') },
  );
}

/** `{ line }` of a setting of the config, when it can be found. */
export function lineOf(config: OpsConfig, field: string): { line?: number } {
  const line = fieldLine(config.text, field);
  return line === undefined ? {} : { line };
}
