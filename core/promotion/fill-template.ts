import { UserError, type ErrorLocation } from '../errors.js';
import type { ModelVersion } from '../registry/registry-types.js';
import { PLACEHOLDERS, placeholderValues, templateParts, type Placeholder } from './placeholders.js';

/**
 * A target's value for one version: its placeholders filled from the version and its registry
 * record. A placeholder the registry cannot fill, or one that does not exist, is the config's or the
 * registration's problem: refused naming the target, before anything is written.
 */
export function fillTemplate(
  template: string,
  version: ModelVersion,
  target: { describe: string; where: ErrorLocation },
): string {
  const values = placeholderValues(version);
  return templateParts(template)
    .map((part) => {
      if ('literal' in part) return part.literal;
      if (!(PLACEHOLDERS as readonly string[]).includes(part.placeholder))
        throw new UserError(
          'config',
          `${target.describe}: unknown placeholder {${part.placeholder}} in "${template}"; the placeholders are ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
          target.where,
        );
      const value = values[part.placeholder as Placeholder];
      if (value === undefined)
        throw new UserError(
          'input',
          `${target.describe}: the registry cannot fill {${part.placeholder}} for ${version.model} ${version.version}: its tag records no artifact (registered without one, or by GTO); register it with its artifact, or use {version} or {semver} here`,
          target.where,
        );
      return value;
    })
    .join('');
}
