import type { ModelVersion } from '../registry/registry-types.js';
import { placeholderValues, templateParts, type Placeholder } from './placeholders.js';

/**
 * Which version a value in a manifest means, read back through the target's template:
 * `ghcr.io/acme/fraud-model:v5.1.0` under `…:{version}` is v5.1.0, `5.1.0` under `{semver}` is v5.1.0,
 * an `s3://…` under `{uri}` is the version whose record has that artifact. A value the template does
 * not produce, or whose {uri}/{digest} no registered version has, means no known version (undefined).
 */
export function versionOfValue(
  template: string,
  value: string,
  model: string,
  versions: readonly ModelVersion[],
): string | undefined {
  const parts = templateParts(template);
  const groups: Placeholder[] = [];
  const source = parts
    .map((part) => {
      if ('literal' in part) return escape(part.literal);
      const placeholder = part.placeholder as Placeholder;
      groups.push(placeholder);
      if (placeholder === 'name') return escape(model);
      if (placeholder === 'version') return '(v\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]*)?)';
      if (placeholder === 'semver') return '(\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]*)?)';
      return '(.+?)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(value);
  if (!match) return undefined;
  let found: string | undefined;
  for (const [index, placeholder] of groups.entries()) {
    const text = match[index + 1]!;
    let version: string | undefined;
    if (placeholder === 'name') continue;
    if (placeholder === 'version') version = text;
    else if (placeholder === 'semver') version = `v${text}`;
    else version = versions.find((v) => placeholderValues(v)[placeholder] === text)?.version;
    // Two placeholders that disagree (`{version}` and a `{uri}` of another) name no one version.
    if (version === undefined || (found !== undefined && found !== version)) return undefined;
    found = version;
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
