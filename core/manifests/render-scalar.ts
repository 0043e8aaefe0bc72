import { isScalar, isSeq, parseDocument } from 'yaml';

export type ScalarStyle = 'plain' | 'single' | 'double';

/**
 * The source text for a string value, in the style the value already has where YAML allows it. A
 * plain value YAML would read as something else — `1.20`, `true`, `yes`/`no`/`on`/`off` (YAML 1.1
 * readers such as Kubernetes' go-yaml and Helm), `null`, `~`, `0x1F`, `1e3`, `.inf`, a date, text
 * with `: ` or ` #`, an indicator first — is double-quoted instead; `flow` says it sits inside
 * `[...]`/`{...}`, where `,` and brackets end a plain value too.
 */
export function renderScalar(value: string, style: ScalarStyle, flow: boolean): string {
  if (style === 'plain' && plainReadsBack(value, flow)) return value;
  if (style === 'single' && SINGLE_SAFE.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return doubleQuoted(value);
}

/** Printable, one line (tabs allowed): what a single-quoted scalar holds without folding or escapes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const SINGLE_SAFE = /^[^\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]*$/;

/**
 * Whether the plain text reads back as exactly this string under both YAML 1.2 and 1.1 — asked of
 * yaml itself rather than a hand-written list, so every type the schemas know (ints in any base,
 * floats, bools, nulls, timestamps, sexagesimals) and every syntax rule is covered.
 */
function plainReadsBack(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || !SINGLE_SAFE.test(value) || value.includes('\t'))
    return false;
  // go-yaml (YAML 1.1) reads `<<` as the merge key and `=` as the value key.
  if (value === '<<' || value === '=') return false;
  const source = flow ? `[${value}]` : value;
  for (const version of ['1.2', '1.1'] as const) {
    const doc = parseDocument(source, { version });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const node = flow
      ? isSeq(doc.contents) && doc.contents.items.length === 1
        ? doc.contents.items[0]
        : undefined
      : doc.contents;
    if (!isScalar(node) || node.value !== value) return false;
  }
  return true;
}

/**
 * A double-quoted scalar. JSON's escapes are all valid YAML escapes; line and paragraph separators,
 * NEL, DEL, C1 controls and the BOM are escaped too, because YAML 1.1 folds or refuses them raw.
 */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
