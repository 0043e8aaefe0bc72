import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * The line of a setting named by its path as errors show it (`drift.columns.temp.test`,
 * `drift.ignore[2]`), for mistakes found only against the data, after the YAML was parsed. Keys may
 * hold dots themselves (a column `a.b`), so each step takes the longest key the path continues with.
 * The line of the deepest part that exists, or undefined when not even the first does.
 */
export function fieldLine(text: string, field: string): number | undefined {
  const { doc, lines } = parsed(text);
  let node = doc.contents as Node | null;
  let rest = field;
  let offset: number | undefined;
  while (rest.length > 0 && node) {
    if (isMap(node)) {
      let best: { key: string; pair: (typeof node.items)[number] } | undefined;
      for (const pair of node.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const continues = rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`);
        if (continues && key.length > (best?.key.length ?? -1)) best = { key, pair };
      }
      if (!best) break;
      offset = (best.pair.key as Node | null)?.range?.[0] ?? offset;
      node = best.pair.value as Node | null;
      rest = rest.slice(best.key.length).replace(/^\./, '');
    } else if (isSeq(node)) {
      const index = /^\[(\d+)\]\.?/.exec(rest);
      const item = index ? (node.items[Number(index[1])] as Node | undefined) : undefined;
      if (!index || !item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
      rest = rest.slice(index[0].length);
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/**
 * The last text parsed, kept: a promotion plan asks for the lines of every target of one config (to
 * point its errors at them), and parsing the whole config again for each cost a local promotion as
 * much as parsing all its manifests. Only read here, never changed: a kept document is as good as new.
 */
let last: { text: string; doc: Document; lines: LineCounter } | undefined;

function parsed(text: string): { doc: Document; lines: LineCounter } {
  if (last?.text !== text) {
    const lines = new LineCounter();
    last = { text, doc: parseDocument(text, { lineCounter: lines }), lines };
  }
  return last;
}
