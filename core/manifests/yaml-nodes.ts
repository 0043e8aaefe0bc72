import { isAlias, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';

/** The pair of a mapping whose key reads as `key` (a plain `1.0` key is found as "1.0" and "1"). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(
    (pair) => keyText(pair.key) === key || (isScalar(pair.key) && String(pair.key.value) === key),
  );
}

/** A key as written (plain keys by their source, so `1.20:` is "1.20"). */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.source === 'string' && key.source !== '' ? key.source : String(key.value);
}

/** A scalar's value as text, or undefined for anything else (an alias is followed). */
export function textOf(node: unknown, doc: Document.Parsed): string | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isScalar(target) && target.value !== null ? String(target.value) : undefined;
}
