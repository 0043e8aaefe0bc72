import { codeSpan, escapeMarkdown } from './markdown-text.js';

/** The reply to a command that did not parse: what is wrong, and the command's syntax. */
export function renderInvalidCommand(view: { message: string; usage?: string }): string {
  const lines = [`### 🤔 ${escapeMarkdown(view.message)}`, ''];
  if (view.usage) lines.push(`Usage: ${codeSpan(view.usage)} · ${codeSpan('/help')} lists every command.`);
  else lines.push(`${codeSpan('/help')} lists every command.`);
  return lines.join('\n');
}
