import { codeSpan, escapeMarkdown, link } from './markdown-text.js';

export interface CommandFailedView {
  /** What was asked, in words; absent when the failure came before the command was understood. */
  request?: string;
  /** What broke (an error's message: plain text, escaped here). */
  message: string;
  /**
   * What the failure left behind. `nothing`: no ops commit (a promotion's deployment is marked
   * failed); an ops commit: written, but the stage tag after it was not; `unknown`: the failure came
   * outside a promotion's writes.
   */
  written: 'nothing' | 'unknown' | { opsCommit: { sha: string; url?: string } };
}

/** Something broke: what, what was and was not written, and how to finish or retry. */
export function renderCommandFailed(view: CommandFailedView): string {
  const title =
    view.request !== undefined ? `Could not ${escapeMarkdown(view.request)}` : 'The command failed';
  const lines = [`### 💥 ${title}`, '', `${escapeMarkdown(view.message.replace(/\.$/, ''))}.`, ''];
  const { written } = view;
  if (written === 'unknown')
    lines.push(
      `Nothing half-done is left unreported: ${codeSpan('/status')} shows what each environment runs. Comment the command again to retry; what was already written is not written twice.`,
    );
  else if (written === 'nothing')
    lines.push(
      'Nothing was written to the ops repository, and the deployment is marked failed. Comment the command again to retry.',
    );
  else
    lines.push(
      `The ${link(`ops commit ${codeSpan(written.opsCommit.sha.slice(0, 7))}`, written.opsCommit.url)} was written but the registry's stage tag was not, and the deployment is marked failed. Comment the command again to finish it: the ops repository already says so, so only the missing records are written.`,
    );
  return lines.join('\n');
}
