import type { RegistryRelease, RegistryReleases } from '../../jobs/registry/registry-ports.js';
import type { GitHubClient } from '../github/client.js';
import { githubReadError } from './github-registry-tags.js';

/** The repository's releases with their asset names: one REST request per 100 releases. */
export function githubRegistryReleases(
  client: Pick<GitHubClient, 'paginate' | 'rest'>,
  fullName: string,
): RegistryReleases {
  const [owner, repo] = fullName.split('/') as [string, string];
  return {
    async listReleases(): Promise<RegistryRelease[]> {
      try {
        const releases = await client.paginate(client.rest.repos.listReleases, {
          owner,
          repo,
          per_page: 100,
        });
        return releases.map((r) => ({
          tag: r.tag_name,
          draft: r.draft,
          assets: r.assets.map((a) => a.name),
        }));
      } catch (error) {
        if ((error as { status?: number }).status === 404)
          throw githubReadError({ errors: [{ type: 'NOT_FOUND' }] }, fullName);
        throw githubReadError(error, fullName);
      }
    },
  };
}
