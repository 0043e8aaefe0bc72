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
 * The ops repository, with the snapshots already read given back instead of read again: the default
 * branch's from arrival, and each environment branch's from the plan (so applying the plan reads
 * nothing more). Safe: every write is a compare-and-swap on the snapshot's head, and a write that
 * finds the branch moved forgets them all, so the next plan reads the branches afresh.
 */
export function rememberedOps(ops: OpsRepository, first: OpsSnapshot): OpsRepository {
  const remembered = new Map<string | undefined, Promise<OpsSnapshot>>([
    [undefined, Promise.resolve(first)],
    [first.branch, Promise.resolve(first)],
  ]);
  const forgetOnStale = <T extends object>(result: T): T => {
    if ('stale' in result) remembered.clear();
    return result;
  };
  return {
    name: ops.name,
    snapshot: (branch, prefetch) => {
      if (!remembered.has(branch))
        remembered.set(
          branch,
          ops.snapshot(branch, prefetch).catch((error: unknown) => {
            remembered.delete(branch); // a failed read is not remembered
            throw error;
          }),
        );
      return remembered.get(branch)!;
    },
    commit: async (request) => forgetOnStale(await ops.commit(request)),
    openOrUpdatePullRequest: async (request) => forgetOnStale(await ops.openOrUpdatePullRequest(request)),
  };
}
