import type { ApplicationFunction, Probot } from 'probot';
import type {
  CommentCommandRequest,
  PullRequestClosedRequest,
} from '../jobs/promote-command/command-ports.js';
import { commentCommandOf, type IssueCommentPayload } from './comment-command-event.js';
import { pullRequestClosedOf } from './pull-request-closed-event.js';
import type { WorkQueue } from './work-queue.js';

/**
 * What the app needs from outside, passed in (repository-settings/app's style) so tests give it the
 * stand-in, a fixed clock and their own queue. The handlers below only filter and hand over.
 */
export interface AppDependencies {
  queue: WorkQueue;
  /** The work of a command comment (it authenticates as the payload's installation itself). */
  handleComment(request: CommentCommandRequest): Promise<void>;
  handlePullRequestClosed(request: PullRequestClosedRequest): Promise<void>;
}

/** Starts the work, or refuses the delivery (500: GitHub records it, a redelivery retries) while draining. */
function handOver(queue: WorkQueue, name: string, task: () => Promise<void>) {
  if (!queue.start(name, task)) throw new Error('the app is shutting down; redeliver this event');
}

/**
 * The Probot app: `issue_comment.created` on pull requests and `pull_request.closed`. Each handler
 * reads the payload only and returns at once — @octokit/webhooks' middleware waits for the handlers
 * before it answers GitHub, and the answer must come within 100 ms — the work runs on the queue.
 */
export function modelshipApp(deps: AppDependencies): ApplicationFunction {
  return (app: Probot) => {
    app.on('issue_comment.created', (context) => {
      const request = commentCommandOf(context.payload as unknown as IssueCommentPayload, context.id);
      if (!request) return;
      handOver(deps.queue, `comment ${request.comment.id} (delivery ${context.id})`, () =>
        deps.handleComment(request),
      );
    });
    app.on('pull_request.closed', (context) => {
      const request = pullRequestClosedOf(context.payload, context.id);
      if (!request) return;
      handOver(deps.queue, `pull request ${request.pullRequest} closed (delivery ${context.id})`, () =>
        deps.handlePullRequestClosed(request),
      );
    });
  };
}
