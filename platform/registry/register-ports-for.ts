import type { RegisterPorts } from '../../jobs/register/register-ports.js';
import type { ArtifactStorage } from '../../jobs/register/register-settings.js';
import type { RegistryTagReader, RegistryTagWriter } from '../../jobs/ports/registry-tags.js';
import type { StorageEnvironment } from '../context/storage-environment.js';
import { localTextFiles } from '../files/text-files.js';
import type { GitHubClient } from '../github/client.js';
import { createS3Client } from '../s3/s3-client.js';
import { s3EndpointFromEnv } from '../s3/s3-endpoint.js';
import { githubReleasePublisher } from './github-release-publisher.js';
import { localArtifactFiles } from './local-artifact-files.js';
import { s3ArtifactStore } from './s3-artifact-store.js';

export interface RegisterWiring {
  /** Relative model, report and dataset paths resolve here. */
  cwd: string;
  tags: { reader: RegistryTagReader; writer: RegistryTagWriter };
  /** Online: the repository's releases. Absent offline. */
  github?: { octokit: GitHubClient; repository: { owner: string; repo: string }; serverUrl: string };
  storage: ArtifactStorage;
  env: StorageEnvironment;
  log?: (message: string) => void;
}

/** The register job's ports for the action and the CLI alike; `close()` removes scratch files. */
export function registerPortsFor(wiring: RegisterWiring): RegisterPorts & { close(): Promise<void> } {
  const files = localArtifactFiles(wiring.cwd);
  const { github, storage, env } = wiring;
  let store: RegisterPorts['store'];
  if (storage.kind === 's3') {
    const endpoint = s3EndpointFromEnv(env);
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    store = s3ArtifactStore({
      location: storage.location,
      client: createS3Client({ ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) }),
      ...(endpoint ? { endpoint } : {}),
      ...(env.AWS_ACCESS_KEY_ID ? { accessKeyId: env.AWS_ACCESS_KEY_ID } : {}),
    });
  }
  return {
    tags: wiring.tags,
    files,
    reports: localTextFiles(wiring.cwd),
    ...(github
      ? {
          releases: githubReleasePublisher(github.octokit, github.repository, {
            serverUrl: github.serverUrl,
          }),
        }
      : {}),
    ...(store ? { store } : {}),
    ...(wiring.log ? { log: wiring.log } : {}),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    close: () => files.close(),
  };
}
