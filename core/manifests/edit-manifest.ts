import { describeTarget } from './describe-target.js';
import { locateTarget } from './locate-target.js';
import type { ManifestChange, ManifestEdit } from './manifest-edit-types.js';
import { parseManifest } from './parse-manifest.js';
import { renderScalar } from './render-scalar.js';
import { scanSetters, type FoundSetter } from './scan-setters.js';
import { refuse } from './value-slot.js';

export interface EditManifestInput {
  file: string;
  text: string;
  changes: readonly ManifestChange[];
}

interface Splice {
  start: number;
  end: number;
  source: string;
  prefix: string;
  edit: ManifestEdit;
}

/**
 * Changes the targets' values in one manifest and nothing else: each value's source bytes are
 * replaced (or, for a key an entry lacks, one line is inserted) on yaml's CST, so comments, blank
 * lines, indentation, key order, quoting, line endings, a BOM, document markers and the other
 * documents stay byte for byte. A value that already reads as asked is left alone, and a file with
 * nothing to change comes back as the same string. Any refusal throws a UserError before anything
 * is produced, so a caller never writes half of a file's changes.
 */
export function editManifest({ file, text, changes }: EditManifestInput): {
  text: string;
  edits: ManifestEdit[];
} {
  if (changes.length === 0) return { text, edits: [] };
  const manifest = parseManifest(file, text);
  let setters: FoundSetter[] | undefined;
  const lazySetters = () => (setters ??= scanSetters(manifest));
  const splices: Splice[] = [];
  for (const change of changes) {
    const target = describeTarget(change.target);
    for (const { slot, write } of locateTarget(manifest, change.target, change.value, lazySetters, true)) {
      const after = write(slot.current, change.value);
      const rendered = renderScalar(after, slot.style, slot.flow);
      const existing = text.slice(slot.start, slot.end);
      // Equal values are no edit, unless the old one is a plain scalar YAML reads as another type
      // (`tag: 1.20` is the number 1.2): writing the string then means quoting it.
      if (slot.current === after && (slot.style !== 'plain' || rendered === existing)) continue;
      splices.push({
        start: slot.start,
        end: slot.end,
        source: slot.prefix + rendered + slot.suffix,
        prefix: slot.prefix,
        edit: { file, line: slot.line, column: slot.column, target, before: slot.current, after },
      });
    }
  }
  const ordered = settle(manifest, splices);
  if (ordered.length === 0) return { text, edits: [] };
  let out = '';
  let at = 0;
  for (const splice of ordered) {
    out += text.slice(at, splice.start) + splice.source;
    at = splice.end;
  }
  out += text.slice(at);
  return { text: out, edits: ordered.map((s) => s.edit) };
}

/**
 * The splices in file order, each once: two targets landing on the same value must agree on it,
 * and no two edits may overlap.
 */
function settle(manifest: ReturnType<typeof parseManifest>, splices: Splice[]): Splice[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Splice[] = [];
  for (const splice of sorted) {
    const previous = kept.at(-1);
    if (
      previous &&
      previous.start === splice.start &&
      previous.end === splice.end &&
      previous.source === splice.source
    ) {
      continue;
    }
    // Two insertions at one point are two keys added to one entry, fine unless it is the same key.
    const overlap =
      previous !== undefined &&
      (previous.end > splice.start ||
        (previous.start === splice.start &&
          (previous.start !== previous.end || previous.prefix === splice.prefix)));
    if (overlap) {
      refuse(
        manifest,
        splice.start,
        `${previous.edit.target}; ${splice.edit.target}`,
        `two targets change the same value differently (${JSON.stringify(previous.edit.after)} and ${JSON.stringify(splice.edit.after)})`,
      );
    }
    kept.push(splice);
  }
  return kept;
}
