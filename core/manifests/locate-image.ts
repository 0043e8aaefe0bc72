import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { ManifestTarget } from '../config/environments-config-schema.js';
import { parseImageReference } from './image-reference.js';
import { wholeValue, type Located } from './located.js';
import type { ParsedManifest } from './parse-manifest.js';
import { refuse, scalarSlot } from './value-slot.js';
import { pairOf, textOf } from './yaml-nodes.js';

type ImageTarget = Extract<ManifestTarget, { kind: 'image' }>;

const CONTAINER_LISTS = new Set(['containers', 'initContainers']);

/**
 * The `image` of every matching entry of a `containers` or `initContainers` list, wherever a pod
 * spec sits (Deployment, StatefulSet, DaemonSet, Job, CronJob's jobTemplate, Argo Rollout, a bare
 * Pod, a List of them), in every document. A container is matched by name when the target names
 * one, otherwise by its image repository equal to the value's. Every match is changed (a file with
 * a stable and a canary Deployment changes both); none is an error.
 */
export function locateImage(
  manifest: ParsedManifest,
  target: ImageTarget,
  value: string,
  field: string,
): Located[] {
  const repository = parseImageReference(value.replaceAll('{name}', target.model)).repository;
  const found: Located[] = [];
  const seen: string[] = [];
  manifest.docs.forEach((doc, index) => {
    const visited = new Set<Node>();
    const walk = (node: unknown, ancestors: Node[], via: Alias | undefined): void => {
      if (isAlias(node)) {
        const resolved = node.resolve(doc);
        if (resolved && !visited.has(resolved)) walk(resolved, ancestors, via ?? node);
        return;
      }
      if (!isMap(node) && !isSeq(node)) return;
      if (visited.has(node)) return;
      visited.add(node);
      const inside = [...ancestors, node];
      if (isSeq(node)) {
        for (const item of node.items) walk(item, inside, via);
        return;
      }
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && CONTAINER_LISTS.has(key)) {
          const list = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
          const listVia = via ?? (isAlias(pair.value) ? pair.value : undefined);
          if (isSeq(list)) {
            for (const item of list.items) {
              const entry = isAlias(item) ? item.resolve(doc) : item;
              if (isMap(entry))
                container(entry, [...inside, list], listVia ?? (isAlias(item) ? item : undefined));
            }
            continue;
          }
        }
        walk(pair.value, inside, via);
      }
    };
    const container = (entry: YAMLMap, ancestors: Node[], via: Alias | undefined) => {
      const name = textOf(pairOf(entry, 'name')?.value, doc);
      const imagePair = pairOf(entry, 'image');
      const image = textOf(imagePair?.value, doc);
      seen.push(`${name ?? '(no name)'}: ${image ?? '(no image)'}`);
      const matches =
        target.container === undefined
          ? image !== undefined && parseImageReference(image).repository === repository
          : name === target.container;
      if (!matches) return;
      if (via) {
        refuse(
          manifest,
          via.range?.[0],
          field,
          `the container ${name ?? ''} comes through the alias *${via.source}: changing it would change the anchored original and every other alias of it too`,
        );
      }
      if (!imagePair || !isPair(imagePair)) {
        refuse(manifest, entry.range?.[0], field, `the container ${name ?? ''} has no image: key`);
      }
      const slot = scalarSlot(
        manifest,
        index,
        imagePair.value,
        [...ancestors, entry],
        field,
        imagePair as Pair,
      );
      found.push(wholeValue(slot));
    };
    walk(doc.contents, [], undefined);
  });
  if (found.length === 0) {
    const which =
      target.container === undefined
        ? `no container runs an image of ${repository}`
        : `no container is named ${target.container}`;
    const here =
      seen.length === 0
        ? 'the file has no containers or initContainers'
        : `containers here: ${seen.join(', ')}`;
    refuse(manifest, undefined, field, `${which} (${here})`);
  }
  return found;
}
