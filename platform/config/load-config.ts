import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseYamlWithSchema } from '../../core/config/parse-yaml.js';
import {
  DEFAULT_CONFIG_PATH,
  modelshipConfigSchema,
  type ModelshipConfig,
} from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';

/**
 * Reads .github/modelship.yml. Without it every default applies — unless the user named a file
 * explicitly, in which case a missing file is an error rather than a silent fallback.
 */
export async function loadConfig(options: { cwd: string; path?: string }): Promise<ModelshipConfig> {
  const path = options.path ?? DEFAULT_CONFIG_PATH;
  let text: string;
  try {
    text = await readFile(resolve(options.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR')
      throw new UserError('input', 'is a directory, not a configuration file', { file: path });
    if (code !== 'ENOENT') throw error;
    if (options.path !== undefined && options.path !== DEFAULT_CONFIG_PATH) {
      throw new UserError('not-found', 'configuration file not found', { file: path });
    }
    return modelshipConfigSchema.parse({});
  }
  return parseYamlWithSchema(text, path, modelshipConfigSchema);
}
