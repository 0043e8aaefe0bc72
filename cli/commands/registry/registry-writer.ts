import { UserError } from '../../../core/errors.js';
import type { LifecycleOutcome } from '../../../core/report/registry/registry-outcomes.js';
import type { RegistryWritePorts } from '../../../jobs/registry/registry-ports.js';
import { gitRegistryTagsWriter } from '../../../platform/registry/git-registry-tags-writer.js';
import type { CliIO } from '../../cli-io.js';
import { SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource } from './registry-source.js';

/** Options of the life-cycle writes, besides the source's. */
export const WRITE_OPTIONS = {
  push: { type: 'boolean' },
  remote: { type: 'string' },
  by: { type: 'string' },
  reason: { type: 'string' },
} as const;

export const WRITE_HELP = `  --push               push the new tag to the remote (default origin) at once: the remote's
                       refusal of an existing tag is a lost race, and the write is decided again
  --remote <name>      the remote --push pushes to (default origin)
  --by <who>           who asked, written into the tag message (the tagger is git's identity)
  --reason <text>      why, written into the tag message
${SOURCE_HELP}

Exit status: 0 when written or already in effect (nothing written twice), 2 on a refusal.`;

/** The tag writer for where the registry is: the local clone (optionally pushed), or GitHub. */
export async function writePorts(
  io: CliIO,
  values: { repo?: string; 'git-dir'?: string; push?: boolean; remote?: string },
): Promise<RegistryWritePorts> {
  const source = await registrySource(io, values);
  if (source.online) {
    if (values.push)
      throw new UserError(
        'usage',
        "--push writes to a clone's remote; with --repo the tag is written on GitHub directly",
      );
    const { githubRegistryTagWriter } =
      await import('../../../platform/registry/github-registry-tags-writer.js');
    const [owner, repo] = source.repo.split('/') as [string, string];
    return { tags: source.tags, writer: githubRegistryTagWriter(source.client, { owner, repo }) };
  }
  if (values.remote !== undefined && !values.push) throw new UserError('usage', '--remote goes with --push');
  return {
    tags: source.tags,
    writer: gitRegistryTagsWriter({
      ...source.where,
      ...(values.push ? { push: { remote: values.remote ?? 'origin' } } : {}),
    }),
  };
}

export function printLifecycle(io: CliIO, outcome: LifecycleOutcome, json: boolean | undefined): void {
  if (json) printJson(io, outcome);
  else
    io.out(
      `${outcome.changed ? '✓' : '='} ${outcome.summary[0]!.toUpperCase()}${outcome.summary.slice(1)}\n`,
    );
}

export function who(values: { by?: string; reason?: string }): { by?: string; reason?: string } {
  return {
    ...(values.by !== undefined ? { by: values.by } : {}),
    ...(values.reason !== undefined ? { reason: values.reason } : {}),
  };
}
