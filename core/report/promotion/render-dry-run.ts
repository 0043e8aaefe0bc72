import { changesTable } from './changes-table.js';
import { codeSpan, escapeMarkdown, fencedBlock } from './markdown-text.js';
import type { DryRunView } from './promotion-reply-views.js';

/** A diff longer than this is cut: the reply must stay under GitHub's comment limit with the rest. */
const MAX_DIFF = 40_000;

/** The plan of a `--dry-run`: before → after, the changes and the diff; nothing written. */
export function renderDryRun(view: DryRunView): string {
  const what =
    view.action === 'rollback'
      ? `roll back ${escapeMarkdown(view.environment)} to ${escapeMarkdown(view.model)} ${codeSpan(view.version)}`
      : `promote ${escapeMarkdown(view.model)} ${codeSpan(view.version)} to ${escapeMarkdown(view.environment)}`;
  const lines = [`### 🔍 Dry run: ${what}`, ''];
  if (view.previous !== undefined) lines.push(`${codeSpan(view.previous)} → ${codeSpan(view.version)}`, '');
  if (view.changes.length === 0) {
    lines.push(
      `Nothing to change: ${escapeMarkdown(view.environment)} already runs ${codeSpan(view.version)}.`,
    );
  } else {
    lines.push(changesTable(view.changes), '');
    const cut = view.diff.length > MAX_DIFF;
    const diff = cut ? `${view.diff.slice(0, view.diff.lastIndexOf('\n', MAX_DIFF) + 1)}` : view.diff;
    lines.push('<details open><summary>Diff</summary>', '', fencedBlock(diff, 'diff'), '', '</details>');
    if (cut) lines.push('', `The diff is cut at ${MAX_DIFF.toLocaleString('en-US')} characters.`);
  }
  lines.push('', 'Nothing was written.');
  return lines.join('\n');
}
