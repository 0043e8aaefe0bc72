import { codeSpan, escapeMarkdown } from './markdown-text.js';
import type { ChangeView } from './promotion-reply-views.js';

/** Rows shown; a promotion touching more lists the rest as a count (the diff or the commit has them). */
const MAX_ROWS = 50;
/** Values longer than this are cut in the table (the diff shows them whole). */
const MAX_VALUE = 120;

/** A code span that is also safe in a table cell (GFM splits cells on `|`, even inside code). */
export function cellCode(text: string): string {
  const chars = [...text];
  const short = chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join('')}…` : text;
  return codeSpan(short).replace(/\|/g, '\\|');
}

/** Target → before → after, one row per changed value. */
export function changesTable(changes: readonly ChangeView[]): string {
  const rows = changes.slice(0, MAX_ROWS).map((c) => {
    const where = `${cellCode(c.line !== undefined ? `${c.file}:${c.line}` : c.file)} ${escapeMarkdown(c.target)}`;
    return `| ${where} | ${c.before !== undefined ? cellCode(c.before) : '—'} | ${cellCode(c.after)} |`;
  });
  const more = changes.length > MAX_ROWS ? [`| … and ${changes.length - MAX_ROWS} more | | |`] : [];
  return ['| Target | Before | After |', '| --- | --- | --- |', ...rows, ...more].join('\n');
}
