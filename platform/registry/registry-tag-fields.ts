/**
 * The two readers (git and the API) must give the same RegistryState for the same tags, so the
 * fields git and GitHub spell differently are put in one form here: dates in UTC to the second
 * (`2026-11-29T23:02:48Z`; git prints the tagger's offset, GitHub its own zone), messages without
 * the trailing newline git keeps.
 */
export function normalizeTagDate(date: string): string {
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function normalizeTagMessage(message: string): string {
  return message.replace(/\s+$/, '');
}

/**
 * Only names that could be registry tags (they carry `@` or `#`, GTO's two signs) are returned:
 * a repository's release tags (`v1.2.0`) are no concern of the registry and are never read.
 */
export function mayBeRegistryTag(name: string, model?: string): boolean {
  if (model !== undefined) return name.startsWith(`${model}@`) || name.startsWith(`${model}#`);
  return name.includes('@') || name.includes('#');
}
