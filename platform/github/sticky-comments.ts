import type { PullRequestComments } from '../../jobs/ports/pull-request-comments.js';
import type { GitHubClient } from './client.js';
import { asPublishError } from './publish-check-run.js';

/** The most comments GitHub returns per page. */
const PAGE = 100;

/**
 * One pull request's comments, through the one GitHub client (retries, throttling, timeouts). A
 * job's comment is the first whose body starts with its marker: a quote of it in a reply does not
 * start with the hidden line, so only the comment itself is ever edited.
 */
export function pullRequestComments(
  octokit: GitHubClient,
  pullRequest: { owner: string; repo: string; number: number },
): PullRequestComments {
  return {
    upsert: (comment) =>
      upsertComment(octokit, pullRequest, comment).catch((error: unknown) => {
        throw asPublishError(error);
      }),
  };
}

async function upsertComment(
  octokit: GitHubClient,
  { owner, repo, number }: { owner: string; repo: string; number: number },
  { marker, body }: { marker: string; body: string },
) {
  if (!body.startsWith(marker)) throw new Error('the comment body must start with its marker');
  let found: { id: number; body?: string; html_url: string } | undefined;
  // Every page, oldest first, until the comment is found: a busy pull request has hundreds.
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: PAGE,
  })) {
    found = page.data.find((c) => c.body?.startsWith(`${marker}\n`) || c.body === marker);
    if (found) break;
  }
  if (!found) {
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    return { url: data.html_url, write: 'created' as const };
  }
  // The same report again (a re-run of the same commit) leaves the comment and its history alone.
  if (found.body === body) return { url: found.html_url, write: 'unchanged' as const };
  const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
  return { url: data.html_url, write: 'updated' as const };
}
