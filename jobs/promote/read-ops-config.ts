import { UserError } from '../../core/errors.js';
import { parseOpsConfig, type OpsConfig } from '../../core/promotion/parse-ops-config.js';
import type { OpsRepository, OpsSnapshot } from './promote-ports.js';

/**
 * The ops config from the ops repository's default branch, never from the branch being changed or a
 * pull request, so a change cannot widen its own rules. The snapshot it came from is returned too:
 * environments on the default branch plan on the same commit.
 */
export async function readOpsConfig(
  ops: OpsRepository,
  configPath: string,
): Promise<{ config: OpsConfig; snapshot: OpsSnapshot }> {
  const snapshot = await ops.snapshot(undefined, [configPath]);
  const text = await snapshot.readFile(configPath);
  if (text === undefined)
    throw new UserError(
      'not-found',
      `the ops repository has no ${configPath} on its default branch ${snapshot.defaultBranch}: add one declaring the environments and their targets (see the README, "Promotion")`,
      { file: `${ops.name}:${configPath}` },
    );
  return { config: parseOpsConfig(text, configPath, ops.name), snapshot };
}
