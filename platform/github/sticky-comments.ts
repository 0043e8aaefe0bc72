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
  pullRequest: { owner: string; repo: string; number: number },
  { marker, body }: { marker: string; body: string },
) {
  if (!body.startsWith(marker)) throw new Error('the comment body must start with its marker');
  const { owner, repo } = pullRequest;
  const found =
    (await findComment(octokit, pullRequest, marker)) ??
    (await createOnce(octokit, pullRequest, marker, body));
  if ('created' in found) return { url: found.html_url, write: 'created' as const };
  // The same report again (a re-run of the same commit) leaves the comment and its history alone.
  if (found.body === body) return { url: found.html_url, write: 'unchanged' as const };
  const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
  return { url: data.html_url, write: 'updated' as const };
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
}

/** The first comment whose body starts with the marker line, reading every page, oldest first, until found. */
async function findComment(
  octokit: GitHubClient,
  { owner, repo, number }: { owner: string; repo: string; number: number },
  marker: string,
): Promise<Comment | undefined> {
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: PAGE,
  })) {
    const found = page.data.find((c) => c.body?.startsWith(`${marker}\n`) || c.body === marker);
    if (found) return found;
  }
  return undefined;
}

/**
 * Creates the comment without the client's blind retries: a create that failed on GitHub's side
 * (5xx, a reset) may still have landed, so the comments are read again before creating once more —
 * a retried POST must not leave two comments.
 */
async function createOnce(
  octokit: GitHubClient,
  pullRequest: { owner: string; repo: string; number: number },
  marker: string,
  body: string,
): Promise<Comment | (Comment & { created: true })> {
  const { owner, repo, number } = pullRequest;
  const create = async () => {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: number,
      body,
      request: { retries: 0 },
    });
    return { ...data, created: true as const };
  };
  try {
    return await create();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status < 500) throw error;
    return (await findComment(octokit, pullRequest, marker)) ?? (await create());
  }
}
