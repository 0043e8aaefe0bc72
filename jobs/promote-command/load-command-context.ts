import { modelshipConfigSchema } from '../../core/config/modelship-config-schema.js';
import { parseYamlWithSchema } from '../../core/config/parse-yaml.js';
import type { OpsConfig } from '../../core/promotion/parse-ops-config.js';
import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import type { RegistryState, RegistryTag } from '../../core/registry/registry-types.js';
import type { OpsSnapshot } from '../promote/promote-ports.js';
import { readOpsConfig } from '../promote/read-ops-config.js';
import type { CommentCommandPorts } from './comment-command-ports.js';

/** What every command reads once, when it arrives: the ops config and the registry. */
export interface CommandContext {
  ops: { config: OpsConfig; snapshot: OpsSnapshot; defaultEnvironment?: string; name: string };
  registry: RegistryState;
  tags: RegistryTag[];
}

/**
 * The ops config from the ops repository's default branch (never the pull request's, so a change
 * cannot widen its own rules) and the model repository's registry tags, read side by side.
 */
export async function loadCommandContext(
  configPath: string,
  ports: CommentCommandPorts,
): Promise<CommandContext> {
  const [tags, { config, snapshot }] = await Promise.all([
    ports.registry.listTags(),
    readOpsConfig(ports.ops, configPath),
  ]);
  const { 'default-environment': defaultEnvironment } = parseYamlWithSchema(
    config.text,
    config.file,
    modelshipConfigSchema,
  );
  return {
    ops: { config, snapshot, name: ports.ops.name, ...(defaultEnvironment ? { defaultEnvironment } : {}) },
    registry: buildRegistryState(tags),
    tags,
  };
}
