import type { CommentCommandRequest } from '../jobs/promote-command/command-ports.js';

/** The fields of an `issue_comment` payload the filter reads (GitHub's payload has many more). */
export interface IssueCommentPayload {
  action: string;
  issue: { number: number; pull_request?: unknown };
  comment: {
    id: number;
    node_id?: string;
    body: string | null;
    html_url: string;
    created_at: string;
    user: { login: string; type: string } | null;
  };
  repository: { name: string; owner: { login: string } };
  sender: { login: string; type: string };
  installation?: { id: number };
}

/** A comment whose first written line starts with `/` (`/promote …`); the parser decides the rest. */
const COMMAND_START = /^\s*\//;

const isBot = (user: { login: string; type: string } | null) =>
  !user || user.type === 'Bot' || user.login.endsWith('[bot]');

/**
 * What the app does with an `issue_comment` delivery, decided from the payload alone (no API call,
 * so the webhook is answered at once): a new comment on a pull request, by a person, whose first line
 * is a command — anything else is ignored. Edits are ignored on purpose: a command runs once, when
 * written, so editing a comment cannot re-run or change a promotion. Bots are ignored, the app's own
 * replies included (they quote commands).
 */
export function commentCommandOf(
  payload: IssueCommentPayload,
  deliveryId: string,
): CommentCommandRequest | undefined {
  if (payload.action !== 'created') return undefined;
  if (!payload.issue.pull_request) return undefined;
  if (isBot(payload.comment.user) || isBot(payload.sender)) return undefined;
  const body = payload.comment.body ?? '';
  if (!COMMAND_START.test(body)) return undefined;
  if (!payload.installation) return undefined;
  return {
    deliveryId,
    installationId: payload.installation.id,
    repository: { owner: payload.repository.owner.login, repo: payload.repository.name },
    pullRequest: payload.issue.number,
    comment: {
      id: payload.comment.id,
      ...(payload.comment.node_id ? { nodeId: payload.comment.node_id } : {}),
      url: payload.comment.html_url,
      body,
      author: payload.comment.user!.login,
      createdAt: payload.comment.created_at,
    },
  };
}
