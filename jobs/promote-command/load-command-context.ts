import type { OpsConfig } from '../../core/promotion/parse-ops-config.js';
import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import type { RegistryState, RegistryTag } from '../../core/registry/registry-types.js';
import type { OpsRepository, OpsSnapshot } from '../promote/promote-ports.js';
import { readOpsConfig } from '../promote/read-ops-config.js';
import type { CommentCommandPorts } from './comment-command-ports.js';

/** What every command reads once, when it arrives: the ops config and the registry. */
export interface CommandContext {
  ops: { config: OpsConfig; snapshot: OpsSnapshot; defaultEnvironment?: string; name: string };
  registry: RegistryState;
  tags: RegistryTag[];
  /** The command's pull request as the API says: from a fork or not, open or not. */
  pullRequest: { fromFork: boolean; open: boolean };
}

/**
 * The ops config from the ops repository's default branch (never the pull request's, so a change
 * cannot widen its own rules), the model repository's registry tags and the pull request's origin,
 * read together (on GitHub: one query).
 */
export async function loadCommandContext(
  configPath: string,
  pullRequest: number,
  ports: Pick<CommentCommandPorts, 'arrival' | 'ops'>,
): Promise<CommandContext> {
  const arrived = await ports.arrival.read({ pullRequest, opsFiles: [configPath] });
  const { tags } = arrived;
  // The snapshot read on arrival, given back to the config reader instead of read again.
  const onArrival: OpsRepository = {
    name: ports.ops.name,
    snapshot: async () => arrived.ops,
    commit: (request) => ports.ops.commit(request),
    openOrUpdatePullRequest: (request) => ports.ops.openOrUpdatePullRequest(request),
  };
  const { config, snapshot } = await readOpsConfig(onArrival, configPath);
  // Parsed once, by the ops config's own schema: the promotion's sections, not the whole file's.
  const { defaultEnvironment } = config;
  return {
    ops: { config, snapshot, name: ports.ops.name, ...(defaultEnvironment ? { defaultEnvironment } : {}) },
    registry: buildRegistryState(tags),
    tags,
    pullRequest: arrived.pullRequest,
  };
}
