/**
 * Text from a record (names, URIs, slice values, reasons) placed safely in GitHub Markdown: it never
 * becomes HTML, a link, emphasis, a mention or a new table column.
 */

/** Inline text: every Markdown punctuation backslash-escaped, `@` kept from mentioning anyone. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
}

/** A code span for identifiers and digests: shown literally; `|` escaped for tables (GFM). */
export function mdCode(text: string): string {
  const one = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const ticks = '`'.repeat((one.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${one}${pad}${ticks}`;
}

/** A link for plain https URLs; anything else is shown as code, never followed. */
export function mdLink(label: string, url: string): string {
  return /^https:\/\/[^\s<>()[\]`|"']+$/.test(url) ? `[${mdText(label)}](${url})` : mdCode(url);
}

/** A table row from cells already made safe. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `1.5 MiB` */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
