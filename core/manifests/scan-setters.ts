import { isMap, isPair, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import { parseImageReference } from './image-reference.js';
import type { Located } from './located.js';
import type { SetterTarget } from './manifest-edit-types.js';
import type { ParsedManifest } from './parse-manifest.js';
import { refuse, scalarSlot } from './value-slot.js';

/** A setter comment and the value it marks. */
export interface FoundSetter {
  target: SetterTarget;
  located: Located;
}

const MARKER = /^([a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?)(?::([a-z]+))?$/;

/**
 * Every `# {"$modelship": "fraud"}` / `# {"$modelship": "fraud:tag"}` comment and the value on its
 * line (the last value starting or ending there, before the comment). Spacing inside the JSON is
 * free; anything else mentioning `$modelship` that is not such a marker is an error naming its line,
 * since a typo must not silently turn a target off.
 */
export function scanSetters(manifest: ParsedManifest): FoundSetter[] {
  const comments = markerComments(manifest.tokens);
  if (comments.length === 0) return [];
  const lines = new Set(comments.map((c) => manifest.position(c.offset).line));
  const values = valuesOnLines(manifest, lines);
  return comments.map((comment) => {
    const { line } = manifest.position(comment.offset);
    const field = `$modelship marker at line ${line}`;
    const marker = parseMarker(comment.source);
    if (!marker) {
      refuse(
        manifest,
        comment.offset,
        field,
        `malformed $modelship marker ${comment.source.trim()}: write # {"$modelship": "MODEL"} for the whole value or # {"$modelship": "MODEL:tag"} for an image's tag`,
      );
    }
    const candidates = values.filter((v) => v.line === line && v.start <= comment.offset);
    const value = candidates.reduce<(typeof candidates)[number] | undefined>(
      (best, v) => (best === undefined || v.start > best.start ? v : best),
      undefined,
    );
    if (!value)
      refuse(manifest, comment.offset, field, 'the $modelship marker has no value before it on its line');
    const target: SetterTarget = {
      kind: 'setter',
      file: manifest.file,
      line,
      model: marker.model,
      part: marker.part,
    };
    const slot = scalarSlot(manifest, value.doc, value.node, value.ancestors, field, value.pair);
    if (marker.part === 'value') {
      return { target, located: { slot, read: (current) => current, write: (_current, next) => next } };
    }
    return {
      target,
      located: {
        slot,
        read: (current) => (current === null ? null : (parseImageReference(current).tag ?? null)),
        write: (current, tag) => {
          if (current === null)
            refuse(
              manifest,
              slot.start,
              field,
              'the value is empty: there is no image reference to set the tag of',
            );
          const image = parseImageReference(current);
          if (image.digest !== undefined) {
            refuse(
              manifest,
              slot.start,
              field,
              `${current} is pinned by digest, which wins over the tag: a new tag would not change what runs; mark the whole value instead`,
            );
          }
          // An untagged reference (`registry:5000/app`, whose `:5000` is a port) gets the tag added:
          // it ran `latest`, and the marker asks for the promoted version.
          return `${image.repository}:${tag}`;
        },
      },
    };
  });
}

function parseMarker(comment: string): { model: string; part: 'value' | 'tag' } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(comment.replace(/^#/, '').trim());
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const keys = Object.keys(parsed);
  const spec = (parsed as Record<string, unknown>)['$modelship'];
  if (keys.length !== 1 || typeof spec !== 'string') return undefined;
  const match = MARKER.exec(spec.trim());
  if (!match || (match[2] !== undefined && match[2] !== 'tag')) return undefined;
  return { model: match[1]!, part: match[2] === 'tag' ? 'tag' : 'value' };
}

/** Comment tokens that mention `$modelship`, anywhere in the CST. */
function markerComments(tokens: unknown[]): { offset: number; source: string }[] {
  const found: { offset: number; source: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const token = value as { type?: unknown; source?: unknown; offset?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
      if (token.source.includes('$modelship')) found.push({ offset: token.offset, source: token.source });
      return;
    }
    for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
  };
  walk(tokens);
  return found.sort((a, b) => a.offset - b.offset);
}

interface LineValue {
  doc: number;
  node: unknown;
  pair: Pair | undefined;
  ancestors: Node[];
  start: number;
  line: number;
}

/** The values (not keys) that start or end on the given lines, with what holds them. */
function valuesOnLines(manifest: ParsedManifest, lines: Set<number>): LineValue[] {
  const found: LineValue[] = [];
  manifest.docs.forEach((doc, index) => {
    const record = (node: Node, path: readonly unknown[]) => {
      const range = node.range;
      if (!range) return;
      const startLine = manifest.position(range[0]).line;
      const endLine = manifest.position(Math.max(range[0], range[1] - 1)).line;
      const line = lines.has(endLine) ? endLine : lines.has(startLine) ? startLine : undefined;
      if (line === undefined) return;
      const parent = path.at(-1);
      found.push({
        doc: index,
        node,
        pair: isPair(parent) ? parent : undefined,
        ancestors: path.filter((p): p is Node => isMap(p) || isSeq(p)),
        start: range[0],
        line,
      });
    };
    visit(doc, {
      Scalar: (key, node, path) => {
        if (key !== 'key' && isScalar(node)) record(node, path);
      },
      Alias: (key, node, path) => {
        if (key !== 'key') record(node, path);
      },
    });
  });
  return found;
}
