import type { RegistryTag } from '../../../core/registry/registry-types.js';

/** Commits as git writes them: 40 hex digits, one per label. */
export function sha(label: string): string {
  let hex = '';
  for (const c of label) hex += c.charCodeAt(0).toString(16).padStart(2, '0');
  return hex.padEnd(40, '0').slice(0, 40);
}

/** An annotated tag made at minute `minute` of a fixed day, by `by`. */
export function tag(
  name: string,
  commit: string,
  minute: number,
  options: { by?: string; message?: string; annotated?: boolean } = {},
): RegistryTag {
  const annotated = options.annotated ?? true;
  const date = new Date(Date.UTC(2026, 10, 29, 10, 0, 0) + minute * 60_000)
    .toISOString()
    .replace('.000Z', '+00:00');
  return annotated
    ? {
        name,
        commit: sha(commit),
        annotated,
        object: sha(`o${name}`),
        tagger: { name: options.by ?? 'Ada', email: 'ada@example.com', date },
        message: options.message ?? `${name}\n`,
      }
    : { name, commit: sha(commit), annotated };
}
