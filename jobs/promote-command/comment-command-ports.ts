import type { OpsRepository } from '../promote/promote-ports.js';
import type { RegistryTagReader, RegistryTagWriter } from '../ports/registry-tags.js';
import type { EnvironmentLocks } from '../ports/environment-locks.js';
import type { TeamMemberships } from '../ports/team-memberships.js';
import type {
  ArrivalReads,
  Clock,
  CommandFacts,
  CommandThread,
  Deployments,
  ReleaseAssets,
} from './command-ports.js';

/** Everything a comment command reaches outside itself. */
export interface CommentCommandPorts {
  thread: CommandThread;
  /** The reads of every command's arrival (pull request, registry tags, ops config) in one go. */
  arrival: ArrivalReads;
  facts: CommandFacts;
  deployments: Deployments;
  /** The model repository's registry tags. */
  registry: RegistryTagReader;
  /** The versions' releases: the artifact-digest precondition reads their assets' digests. */
  releases: ReleaseAssets;
  /** Writes stage tags (`name#ENV#N`) in the model repository. */
  stageTags: RegistryTagWriter;
  /** The ops repository the environments' manifests live in. */
  ops: OpsRepository;
  locks: EnvironmentLocks;
  /** The organisation's teams a policy names (asked only when they decide). */
  teams: TeamMemberships;
  clock: Clock;
}

/** What the adapter decides for every command. */
export interface CommandSettings {
  /** The ops repository's config file (`.github/modelship.yml`). */
  configPath: string;
  /** Short write locks held by another promotion are retried this many times before refusing. */
  lockAttempts: number;
  /** Milliseconds between those attempts (doubled each time). */
  lockRetryMs: number;
  /** Waits (the job is pure: the adapter gives it timers). */
  sleep(ms: number): Promise<void>;
}
