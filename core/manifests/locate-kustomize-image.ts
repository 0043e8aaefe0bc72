import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ManifestTarget } from '../config/environments-config-schema.js';
import { renderScalar, type ScalarStyle } from './render-scalar.js';
import { wholeValue, type Located } from './located.js';
import type { ParsedManifest } from './parse-manifest.js';
import { assertNotShared, refuse, scalarSlot, type ValueSlot } from './value-slot.js';
import { pairOf, textOf } from './yaml-nodes.js';

type KustomizeImageTarget = Extract<ManifestTarget, { kind: 'kustomize-image' }>;

/** A digest value (`sha256:…`) or a template that fills one in. */
export function isDigestValue(value: string): boolean {
  return /^sha(?:256|384|512):/.test(value) || value.includes('{digest}');
}

/**
 * The `newTag` (or `digest`, for a `sha256:` value) of the one `images:` entry whose `name` is the
 * target's image. A missing key is added as a new line of the entry, at its keys' indentation, in
 * its quoting, with the file's line ending (or `, key: value` in a flow entry).
 *
 * Kustomize renders an entry with both as `name:tag@digest`, and the digest decides what runs. So
 * setting a digest leaves a `newTag` as it is (it then only labels the image), while setting a tag
 * on an entry pinned by a `digest` is refused: the new tag would not change what runs.
 */
export function locateKustomizeImage(
  manifest: ParsedManifest,
  target: KustomizeImageTarget,
  value: string,
  field: string,
  writing: boolean,
): Located[] {
  const key = isDigestValue(value) ? 'digest' : 'newTag';
  const found: Located[] = [];
  const lines: number[] = [];
  const names: string[] = [];
  manifest.docs.forEach((doc, index) => {
    const root = doc.contents;
    if (!isMap(root)) return;
    const images = pairOf(root, 'images')?.value;
    if (isAlias(images))
      refuse(manifest, images.range?.[0], field, `images: is an alias (*${images.source})`);
    if (!isSeq(images)) return;
    for (const item of images.items) {
      const name = isMap(item) ? textOf(pairOf(item, 'name')?.value, doc) : undefined;
      if (name !== undefined) names.push(name);
      if (name !== target.image) continue;
      if (isAlias(item))
        refuse(manifest, item.range?.[0], field, `the images entry is an alias (*${item.source})`);
      const entry = item as YAMLMap;
      const ancestors: Node[] = [root, images];
      if (writing && key === 'newTag') {
        const digest = textOf(pairOf(entry, 'digest')?.value, doc);
        if (digest) {
          refuse(
            manifest,
            entry.range?.[0],
            field,
            `the images entry for ${name} is pinned by digest: ${digest}, which Kustomize uses over newTag, so a new tag would not change what runs; promote by digest ({digest}) or remove the digest`,
          );
        }
      }
      const pair = pairOf(entry, key);
      const slot = pair
        ? scalarSlot(manifest, index, pair.value, [...ancestors, entry], field, pair)
        : (assertNotShared(manifest, index, [...ancestors, entry], field),
          insertKeySlot(manifest, entry, key, field));
      lines.push(slot.line);
      found.push(wholeValue(slot));
    }
  });
  if (found.length === 0) {
    refuse(
      manifest,
      undefined,
      field,
      names.length === 0
        ? 'the file has no images: list'
        : `no images: entry is named ${target.image} (entries: ${names.join(', ')})`,
    );
  }
  if (found.length > 1) {
    refuse(
      manifest,
      undefined,
      field,
      `${found.length} images: entries are named ${target.image} (lines ${lines.join(', ')})`,
    );
  }
  return found;
}

/**
 * Adds `key: value` to an images entry. In a block entry it is a new line after the entry's last
 * key, indented like its keys; in a flow entry (`{name: x}`) it follows the last pair after `, `.
 */
function insertKeySlot(manifest: ParsedManifest, entry: YAMLMap, key: string, field: string): ValueSlot {
  const text = manifest.text;
  const first = entry.items[0];
  const last = entry.items.at(-1);
  const lastNode = (last?.value ?? last?.key) as Node | null | undefined;
  const end = lastNode?.range?.[1];
  if (!first || !isScalar(first.key) || end === undefined) {
    refuse(manifest, entry.range?.[0], field, `cannot add ${key}: to this images entry; add it by hand once`);
  }
  const firstKey = first.key;
  const keyStyle = styleOf(firstKey.srcToken?.type);
  const name = pairOf(entry, 'name')?.value;
  const valueStyle = isScalar(name) ? styleOf(name.srcToken?.type) : 'plain';
  const renderedKey = renderScalar(key, keyStyle, entry.flow === true);
  if (entry.flow) {
    return {
      start: end,
      end,
      prefix: `, ${renderedKey}: `,
      suffix: '',
      style: valueStyle,
      flow: true,
      current: null,
      ...manifest.position(end),
    };
  }
  const keyOffset = firstKey.range![0];
  const lineStart = text.lastIndexOf('\n', keyOffset - 1) + 1;
  const indent = ' '.repeat(keyOffset - lineStart);
  const newline = text.indexOf('\n', end);
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : /\r\n/.test(text) ? '\r\n' : '\n';
  if (newline === -1) {
    return {
      start: text.length,
      end: text.length,
      prefix: `${eol}${indent}${renderedKey}: `,
      suffix: '',
      style: valueStyle,
      flow: false,
      current: null,
      // The new key's own place: the line after the last one, at the keys' indentation.
      line: manifest.position(text.length).line + 1,
      column: indent.length + 1,
    };
  }
  const at = newline + 1;
  return {
    start: at,
    end: at,
    prefix: `${indent}${renderedKey}: `,
    suffix: eol,
    style: valueStyle,
    flow: false,
    current: null,
    line: manifest.position(at).line,
    column: indent.length + 1,
  };
}

function styleOf(type: string | undefined): ScalarStyle {
  return type === 'double-quoted-scalar' ? 'double' : type === 'single-quoted-scalar' ? 'single' : 'plain';
}
