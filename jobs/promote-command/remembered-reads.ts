import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { OpsRepository, OpsSnapshot } from '../promote/promote-ports.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';

/**
 * The registry as the command read it on arrival. The promotion plans and applies the version
 * resolved then (a version registered after the comment does not count), so re-reading the tags
 * would cost calls and could only bring a later one; the tag itself is re-checked by the deployment.
 */
export function rememberedRegistry(tags: RegistryTag[]): RegistryTagReader {
  return {
    listTags: async (options) =>
      options?.model ? tags.filter((t) => t.name.startsWith(options.model!)) : tags,
  };
}

/**
 * The ops repository, with the default branch's snapshot read on arrival given back to the first
 * plan instead of read again. Safe: every write is a compare-and-swap on the snapshot's head, and a
 * write that finds the branch moved forgets the snapshot, so the next plan reads the branch afresh.
 */
export function rememberedOps(ops: OpsRepository, first: OpsSnapshot): OpsRepository {
  let remembered: OpsSnapshot | undefined = first;
  const forgetOnStale = <T extends object>(result: T): T => {
    if ('stale' in result) remembered = undefined;
    return result;
  };
  return {
    name: ops.name,
    snapshot: async (branch) =>
      remembered && (branch === undefined || branch === remembered.branch)
        ? remembered
        : ops.snapshot(branch),
    commit: async (request) => forgetOnStale(await ops.commit(request)),
    openOrUpdatePullRequest: async (request) => forgetOnStale(await ops.openOrUpdatePullRequest(request)),
  };
}
