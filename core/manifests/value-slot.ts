import { CST, isAlias, isCollection, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { UserError } from '../errors.js';
import type { ParsedManifest } from './parse-manifest.js';
import type { ScalarStyle } from './render-scalar.js';

/**
 * Where a value is written: the byte span it replaces (empty for an insertion) and the text that
 * goes around it, so an edit touches nothing outside.
 */
export interface ValueSlot {
  start: number;
  end: number;
  /** Written before / after the rendered value (an inserted `newTag: ` line, the space after `key:`). */
  prefix: string;
  suffix: string;
  style: ScalarStyle;
  /** Inside a flow collection (`[...]`, `{...}`), where `,` and brackets end a plain value. */
  flow: boolean;
  /** The value as YAML reads it now; null when there is none. */
  current: string | null;
  line: number;
  column: number;
}

/** The path from a document's root down to a node (maps and sequences), for anchor checks. */
export type Ancestors = readonly Node[];

/** Throws the refusal: file, line and target, and why. */
export function refuse(
  manifest: ParsedManifest,
  offset: number | undefined,
  field: string,
  message: string,
): never {
  const at = offset === undefined ? {} : manifest.position(offset);
  throw new UserError('data', message, { file: manifest.file, ...at, field });
}

/**
 * The slot of a value found in a document, or a refusal when changing its bytes would not change
 * exactly that one value: an alias, an anchored node other nodes reference (itself or an enclosing
 * collection), a block scalar, a collection, an empty sequence item.
 */
export function scalarSlot(
  manifest: ParsedManifest,
  doc: number,
  node: unknown,
  ancestors: Ancestors,
  field: string,
  pair?: Pair,
): ValueSlot {
  if (isAlias(node)) {
    refuse(
      manifest,
      node.range?.[0],
      field,
      `the value is an alias (*${node.source}) of a value anchored elsewhere: changing it would change the anchored value and every other alias of it too; write the value out here, or target the anchored value`,
    );
  }
  assertNotShared(manifest, doc, [...ancestors, node as Node], field);
  if (isCollection(node)) {
    refuse(
      manifest,
      node.range?.[0],
      field,
      `expected a single value (a scalar) here, found a ${isMap(node) ? 'mapping' : 'sequence'}`,
    );
  }
  if (!isScalar(node)) refuse(manifest, undefined, field, 'expected a single value (a scalar) here');
  const flow = ancestors.some((a) => (isMap(a) || isSeq(a)) && a.flow === true);
  const token = node.srcToken;
  if (!token) return emptySlot(manifest, node, field, flow, pair);
  if (token.type === 'block-scalar') {
    refuse(
      manifest,
      token.offset,
      field,
      'the value is a block scalar (| or >); only single-line values are changed — write it as a plain or quoted value',
    );
  }
  if (
    token.type !== 'scalar' &&
    token.type !== 'single-quoted-scalar' &&
    token.type !== 'double-quoted-scalar'
  ) {
    refuse(manifest, node.range?.[0], field, 'expected a single value (a scalar) here');
  }
  if (node.tag !== undefined && node.tag !== 'tag:yaml.org,2002:str') {
    refuse(
      manifest,
      token.offset,
      field,
      `the value has the explicit tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}, which a new text value may not fit; remove the tag or make it !!str`,
    );
  }
  const style: ScalarStyle =
    token.type === 'scalar' ? 'plain' : token.type === 'single-quoted-scalar' ? 'single' : 'double';
  const resolved = CST.resolveAsScalar(token);
  const current = node.value === null ? null : (resolved?.value ?? String(node.value));
  return {
    start: token.offset,
    end: token.offset + token.source.length,
    prefix: '',
    suffix: '',
    style,
    flow,
    current,
    ...manifest.position(token.offset),
  };
}

/**
 * Refuses a value inside an anchor that aliases elsewhere in the document reuse (the node itself or
 * an enclosing collection): changing its bytes would change every alias of it too.
 */
export function assertNotShared(
  manifest: ParsedManifest,
  doc: number,
  nodes: readonly Node[],
  field: string,
): void {
  const aliased = manifest.aliased[doc]!;
  if (aliased.size === 0) return;
  for (const holder of nodes) {
    const anchor = (holder as { anchor?: string } | null)?.anchor;
    if (anchor && aliased.has(anchor)) {
      // A node's range starts after its properties; the error points at the `&anchor` itself.
      const start = holder.range?.[0];
      const at = start === undefined ? -1 : manifest.text.lastIndexOf(`&${anchor}`, start);
      refuse(
        manifest,
        at === -1 ? start : at,
        field,
        `the value is inside the anchor &${anchor}, which aliases (*${anchor}) elsewhere in the document reuse: changing it would change them too`,
      );
    }
  }
}

/** `key:` with nothing after it: the value goes right after the `:`, after one space. */
function emptySlot(
  manifest: ParsedManifest,
  node: Node,
  field: string,
  flow: boolean,
  pair?: Pair,
): ValueSlot {
  const item = pair?.srcToken as { sep?: CST.SourceToken[] } | undefined;
  const indicator = item?.sep?.find((t) => t.type === 'map-value-ind');
  if (!indicator) {
    refuse(manifest, node.range?.[0], field, 'the value is empty and has no `key:` to write it after');
  }
  const at = indicator.offset + 1;
  return {
    start: at,
    end: at,
    prefix: ' ',
    suffix: '',
    style: 'plain',
    flow,
    current: null,
    ...manifest.position(at),
  };
}
