import { GITHUB_COMMENT_LIMIT } from './markdown-text.js';

/**
 * The hidden first line of every reply of the promotion app: its own comments are told from anyone
 * else's by it (a quote of a reply starts with `>`, so it is not taken for one).
 */
export const COMMAND_REPLY_MARKER = '<!-- modelship:command -->';

/** Room left for what the poster appends (the hidden line naming the command's comment). */
const RESERVED = 512;

/**
 * A reply body as posted: the marker line, then the Markdown — cut at a line end if it would pass
 * GitHub's comment limit, since a refused reply would leave the command unanswered (a cut inside a
 * code block leaves the rest as code: inert).
 */
export function markCommandReply(body: string): string {
  const text = `${COMMAND_REPLY_MARKER}\n${body}`;
  const limit = GITHUB_COMMENT_LIMIT - RESERVED;
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf('\n', limit - CUT_NOTE.length);
  return `${text.slice(0, cut)}${CUT_NOTE}`;
}

const CUT_NOTE = "\n\n… (cut here: the reply was longer than GitHub's comment limit)";
