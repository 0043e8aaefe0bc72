import { UserError } from '../../core/errors.js';
import { EXIT, type CliIO, type Command } from '../cli-io.js';

/** A `modelship registry` subcommand: the arguments after its name. */
export type RegistrySubcommand = (args: string[], io: CliIO) => Promise<number>;

// Each subcommand loads only its own module, so `registry show` never loads the writers.
const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<RegistrySubcommand> }> = {
  list: {
    summary: 'every model: its latest version and who holds each stage',
    load: async () => (await import('./registry/registry-list.js')).registryList,
  },
  show: {
    summary: "a model's versions, or one version's record: NAME, NAME@v5.1.2, NAME@latest, NAME#stage",
    load: async () => (await import('./registry/registry-show.js')).registryShow,
  },
  which: {
    summary: 'the version in a stage: NAME STAGE',
    load: async () => (await import('./registry/registry-which.js')).registryWhich,
  },
  history: {
    summary: "a model's events, newest first: NAME",
    load: async () => (await import('./registry/registry-history.js')).registryHistory,
  },
  assign: {
    summary: 'assign a stage to a version: NAME VERSION STAGE',
    load: async () => (await import('./registry/registry-assign.js')).registryAssign,
  },
  unassign: {
    summary: 'take a version out of a stage: NAME STAGE [VERSION]',
    load: async () => (await import('./registry/registry-unassign.js')).registryUnassign,
  },
  deregister: {
    summary: 'deregister a version: NAME VERSION',
    load: async () => (await import('./registry/registry-deregister.js')).registryDeregister,
  },
  deprecate: {
    summary: 'deprecate a model: NAME',
    load: async () => (await import('./registry/registry-deprecate.js')).registryDeprecate,
  },
  fetch: {
    summary: "download a version's artifacts, verified by sha256: NAME[@VERSION|#STAGE] --to DIR",
    load: async () => (await import('./registry/registry-fetch.js')).registryFetch,
  },
  doctor: {
    summary: 'report broken tags, interrupted registrations, missing release assets',
    load: async () => (await import('./registry/registry-doctor.js')).registryDoctor,
  },
};

export const registryUsage = `Usage: modelship registry <subcommand> [arguments] [options]

The model registry is the repository's git tags in GTO's format (name@vX.Y.Z, name#stage#N, …) and
the GitHub Releases of its versions. Queries read the tags of the local clone (the git repository at
the working directory, or --git-dir) without any API call; with --repo owner/name they read GitHub
instead (token from GITHUB_TOKEN or GH_TOKEN).

Subcommands:
${Object.entries(SUBCOMMANDS)
  .map(([name, s]) => `  ${name.padEnd(10)}  ${s.summary}`)
  .join('\n')}

Run "modelship registry <subcommand> --help" for its options.
`;

export const registry: Command = async (args, io) => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(registryUsage);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub)
    throw new UserError(
      'usage',
      `unknown subcommand "registry ${name}". Subcommands: ${Object.keys(SUBCOMMANDS).join(', ')}`,
    );
  return (await sub.load())(rest, io);
};
