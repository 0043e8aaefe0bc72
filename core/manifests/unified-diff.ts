import { structuredPatch } from 'diff';

/**
 * A unified diff of one file (`--- a/FILE`, `+++ b/FILE`, three lines of context), empty when
 * nothing changed. Lines are compared with their line endings, so a CRLF file diffs line by line
 * like any other, and printed without the `\r`, so the diff reads the same in a terminal, a pull
 * request comment or a log.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  });
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of patch.hunks) {
    // An empty side is numbered from the line before it, as diff(1) and git do.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) out.push(line.replace(/\r$/, ''));
  }
  return `${out.join('\n')}\n`;
}
