import { isAlias, isMap, isScalar, type Node, type Pair } from 'yaml';
import { wholeValue, type Located } from './located.js';
import type { ParsedManifest } from './parse-manifest.js';
import { refuse, scalarSlot } from './value-slot.js';
import { pairOf } from './yaml-nodes.js';

/**
 * The storage URI of the one InferenceService predictor in the file: `spec.predictor.model.storageUri`
 * (the new style) or `spec.predictor.<framework>.storageUri` (sklearn, xgboost, tensorflow, pytorch,
 * onnx, triton, lightgbm, pmml, paddle, huggingface, …). Any predictor key holding a storageUri
 * counts, so a framework KServe adds later needs no change here. Exactly one across the documents.
 */
export function locateKserve(manifest: ParsedManifest, field: string): Located[] {
  const found: Located[] = [];
  const lines: number[] = [];
  let services = 0;
  manifest.docs.forEach((doc, index) => {
    const root = doc.contents;
    if (!isMap(root)) return;
    const kind = pairOf(root, 'kind')?.value;
    if (!isScalar(kind) || kind.value !== 'InferenceService') return;
    services++;
    const path: Node[] = [root];
    let node: unknown = root;
    for (const key of ['spec', 'predictor']) {
      const next = isMap(node) ? pairOf(node, key)?.value : undefined;
      if (isAlias(next)) {
        refuse(
          manifest,
          next.range?.[0],
          field,
          `${key} is an alias (*${next.source}); its storageUri is shared with the anchored original`,
        );
      }
      if (!isMap(next)) return;
      path.push(next);
      node = next;
    }
    const predictor = node as Node & { items: Pair[] };
    for (const pair of predictor.items) {
      const holder = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      if (!isMap(holder)) continue;
      const uri = pairOf(holder, 'storageUri');
      if (!uri) continue;
      if (isAlias(pair.value)) {
        refuse(
          manifest,
          pair.value.range?.[0],
          field,
          `the predictor's ${String((pair.key as { value?: unknown }).value)} is an alias (*${pair.value.source}); its storageUri is shared with the anchored original`,
        );
      }
      const slot = scalarSlot(manifest, index, uri.value, [...path, holder], field, uri);
      lines.push(slot.line);
      found.push(wholeValue(slot));
    }
  });
  if (found.length === 0) {
    refuse(
      manifest,
      undefined,
      field,
      services === 0
        ? 'the file has no InferenceService (kind: InferenceService)'
        : 'no spec.predictor.model.storageUri or spec.predictor.<framework>.storageUri in its InferenceService',
    );
  }
  if (found.length > 1) {
    refuse(
      manifest,
      undefined,
      field,
      `the file has ${found.length} predictor storageUri values (lines ${lines.join(', ')}); a kserve target must find exactly one — use a yaml target with a path instead`,
    );
  }
  return found;
}
