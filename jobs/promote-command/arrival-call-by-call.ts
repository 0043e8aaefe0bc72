import type { OpsRepository } from '../promote/promote-ports.js';
import type { RegistryTagReader } from '../ports/registry-tags.js';
import type { ArrivalReads, CommandFacts } from './command-ports.js';

/**
 * The arrival reads from the separate ports, side by side: for a host that cannot answer them in one
 * request (GitHub's own implementation, platform/github/command-arrival.ts, asks one query).
 */
export function arrivalCallByCall(ports: {
  facts: Pick<CommandFacts, 'pullRequest'>;
  registry: RegistryTagReader;
  ops: OpsRepository;
}): ArrivalReads {
  return {
    async read({ pullRequest, opsFiles }) {
      const [origin, tags, ops] = await Promise.all([
        ports.facts.pullRequest(pullRequest),
        ports.registry.listTags(),
        ports.ops.snapshot(undefined, opsFiles),
      ]);
      return { pullRequest: origin, tags, ops };
    },
  };
}
