import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { wholeValue, type Located } from './located.js';
import type { ParsedManifest } from './parse-manifest.js';
import { refuse, scalarSlot } from './value-slot.js';
import { pairOf } from './yaml-nodes.js';
import { parseYamlPath } from './yaml-path.js';

/**
 * The scalar at a path (`a.b.c`, `list[0].x`, `key["with.dots"]`), which must exist in exactly one
 * of the file's documents. A path running through an alias, or into a mapping that may take the
 * key from a merge (`<<: *base`), is refused: the value there belongs to the anchored original.
 */
export function locateYamlPath(manifest: ParsedManifest, path: string, field: string): Located[] {
  const steps = parseYamlPath(path, manifest.file);
  const found: Located[] = [];
  const lines: number[] = [];
  manifest.docs.forEach((doc, index) => {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    const ancestors: Node[] = [];
    for (const [at, step] of steps.entries()) {
      if (isAlias(node)) {
        refuse(
          manifest,
          node.range?.[0],
          field,
          `the path runs through an alias (*${node.source}): the value there belongs to the anchored original, and changing it would change every alias of it`,
        );
      }
      if ('key' in step && isMap(node)) {
        pair = pairOf(node, step.key);
        if (!pair) {
          const merge = pairOf(node, '<<');
          if (merge) {
            refuse(
              manifest,
              (merge.key as Node).range?.[0],
              field,
              `${step.key} is not written here and may come from the merge key (<<) on this line; the value belongs to the merged original`,
            );
          }
          return;
        }
      } else if ('index' in step && isSeq(node)) {
        if (step.index >= node.items.length) return;
        pair = undefined;
      } else return;
      ancestors.push(node as Node);
      node = 'key' in step ? pair!.value : (node as { items: unknown[] }).items[step.index];
      if (at === steps.length - 1) {
        const slot = scalarSlot(manifest, index, node, ancestors, field, pair);
        lines.push(slot.line);
        found.push(wholeValue(slot));
      } else if (isScalar(node) || node === null) return;
    }
  });
  if (found.length === 0) refuse(manifest, undefined, field, `the path ${path} matches nothing in the file`);
  if (found.length > 1) {
    refuse(
      manifest,
      undefined,
      field,
      `the path ${path} matches ${found.length} values (lines ${lines.join(', ')}); it must match exactly one`,
    );
  }
  return found;
}
