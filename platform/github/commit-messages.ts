import type { GitHubClient } from './client.js';

/** A commit's full message (`git/get-commit`), as the promotion commit's trailers are read from it. */
export function commitMessages(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): (sha: string) => Promise<string> {
  return async (sha) => {
    const { data } = await octokit.rest.git.getCommit({ ...repository, commit_sha: sha });
    return data.message;
  };
}
