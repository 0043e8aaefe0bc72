/**
 * Text from people (lock reasons, messages quoting a comment) and from the repositories (logins,
 * file names, values) made safe for a GitHub-flavoured Markdown reply: it shows as written and can
 * neither format, link, embed HTML nor notify anyone.
 */

/**
 * Inline text: one line; HTML neutralised; the punctuation that formats, links or splits a table
 * cell backslash-escaped, and at the start (where the text may begin a line) whatever would open a
 * block (a heading, a list, a quote); an `@` before a name gets a zero-width space so `@team` or
 * `@someone` in a reason pings nobody (GitHub finds mentions in the rendered text, so neither
 * escaping nor an entity would stop it) — unless a letter or digit precedes it, where GitHub sees no
 * mention, so `fraud@v5` and `a@b.com` stay copyable as written. Parentheses, dots and dashes in the middle stay as written:
 * they format nothing there, and a reply reads as the rule worded it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|!~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/(?<![\p{L}\p{N}_])@(?=[\p{L}\p{N}_-])/gu, '@\u200b');
}

/**
 * An inline code span that holds any text: its fence is longer than any run of backticks inside,
 * padded with a space when the text starts or ends with one. Mentions and links are inert in code.
 */
export function codeSpan(text: string): string {
  const line = text.replace(/\r\n|\r|\n/g, ' ');
  if (line === '') return '` `';
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A fenced code block that nothing inside can close: the fence is longer than any run of backticks
 * in the text (a diff of a Markdown file may well contain ```).
 */
export function fencedBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

/** A login, shown and never pinged. */
export function formatLogin(login: string): string {
  return codeSpan(login);
}

/** A link whose text is escaped and whose URL is used only when it is http(s). */
export function link(text: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\/[^\s()<>]+$/.test(url)) return text;
  return `[${text}](${url})`;
}

/** `2026-11-29 23:00 UTC`. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return escapeMarkdown(iso);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** GitHub refuses longer comment bodies. */
export const GITHUB_COMMENT_LIMIT = 65_536;
