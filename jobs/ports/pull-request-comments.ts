/** What happened to the comment: written anew, edited in place, or already saying this. */
export type CommentWrite = 'created' | 'updated' | 'unchanged';

/**
 * The comments of one pull request, as a job keeps its own comment there: the comment is found by
 * the hidden marker its body starts with, across every page of the pull request's comments, and
 * edited in place, so a re-run or the next push never adds a second one. A refusal (a fork's
 * read-only token, a missing permission) throws a PublishError (check-run-publisher.ts).
 */
export interface PullRequestComments {
  upsert(comment: { marker: string; body: string }): Promise<{ url: string; write: CommentWrite }>;
}
