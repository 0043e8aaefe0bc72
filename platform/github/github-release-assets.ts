import type { ReleaseAssets } from '../../jobs/promote-command/command-ports.js';
import type { GitHubClient } from './client.js';

/** A version's release assets through REST: GitHub's `digest` (sha256) is not in its GraphQL schema. */
export function githubReleaseAssets(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): ReleaseAssets {
  return {
    async assetsOf(tag) {
      try {
        const { data } = await octokit.rest.repos.getReleaseByTag({ ...repository, tag });
        return data.assets.map((a) => ({
          name: a.name,
          size: a.size,
          digest: (a as { digest?: string | null }).digest ?? null,
        }));
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}
