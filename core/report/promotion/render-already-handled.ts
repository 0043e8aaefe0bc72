import { link } from './markdown-text.js';

/** The reply to a comment handled before (a redelivery, an edit): it points at the first answer. */
export function renderAlreadyHandled(view: { replyUrl?: string }): string {
  return `This command was already handled: see ${link('the reply', view.replyUrl)}. Nothing was done again.`;
}

/**
 * The hidden first line of the reply to one comment: the app finds its reply by it, so a second
 * delivery of the same comment answers "already handled" instead of acting twice.
 */
export function commandReplyMarker(commentId: number): string {
  return `<!-- modelship:command:${commentId} -->`;
}
