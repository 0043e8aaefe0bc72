import { PublishError } from '../ports/check-run-publisher.js';
import type { CommentWrite, PullRequestComments } from '../ports/pull-request-comments.js';

/** What became of the pull request comment: written, not attempted, or failed with what to do. */
export type CommentResult =
  | { status: 'published'; url: string; write: CommentWrite }
  | { status: 'skipped' }
  | { status: 'failed'; message: string };

/**
 * Keeps the comment without ever losing the verdict: a refusal becomes a message saying what to do
 * (grant `pull-requests: write`; a fork's token cannot), and the caller reports it.
 */
export async function commentBestEffort(
  comments: PullRequestComments,
  comment: { marker: string; body: string },
  fromFork: boolean,
): Promise<CommentResult> {
  try {
    return { status: 'published', ...(await comments.upsert(comment)) };
  } catch (error) {
    const reason = error instanceof PublishError ? error.reason : 'other';
    const detail = error instanceof Error ? error.message : String(error);
    return {
      status: 'failed',
      message: `the pull request comment was not written: ${detail}. ${advice(reason, fromFork)}`,
    };
  }
}

function advice(reason: PublishError['reason'], fromFork: boolean): string {
  if (reason === 'forbidden')
    return fromFork
      ? 'This pull request comes from a fork, whose GITHUB_TOKEN is read-only: the summary, check run and outputs still say the verdict; run the gate from a pull_request_target or workflow_run workflow to comment.'
      : 'Give the workflow or job `permissions: pull-requests: write` (the token needs it to comment).';
  if (reason === 'unreachable')
    return "The GitHub API did not answer: check GITHUB_API_URL and the runner's network.";
  return 'The summary and outputs still say the verdict.';
}
