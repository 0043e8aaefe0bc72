import { codeSpan, link } from './markdown-text.js';

export interface AlreadyHandledView {
  /** The webhook delivery that brought the comment again. */
  deliveryId: string;
  /** Whether the first handling has ended (its 🚀 or 👎 is on the comment). */
  finished: boolean;
  /** The first handling's reply, when known. */
  replyUrl?: string;
}

/**
 * The reply to a comment handled before (a redelivery, another replica): nothing is done twice, and
 * when the first handling has not ended, what to do if its answer never comes.
 */
export function renderAlreadyHandled(view: AlreadyHandledView): string {
  const first = view.replyUrl ? ` See ${link('the reply', view.replyUrl)}.` : '';
  const lines = [
    `🔁 This command was delivered again (delivery ${codeSpan(view.deliveryId)}) and was already ${view.finished ? 'handled' : 'being handled'}: nothing more was done.${first}`,
  ];
  if (!view.finished)
    lines.push(
      '',
      `If no answer follows, its handling was interrupted: ${codeSpan('/status')} shows what was written; comment the command again to finish it.`,
    );
  return lines.join('\n');
}
