import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { UserError } from '../../../core/errors.js';
import { editManifest } from '../../../core/manifests/edit-manifest.js';

const DIR = join(import.meta.dirname, 'corpus');

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = [
  '1.20',
  'true',
  'yes',
  'no',
  'on',
  'off',
  'null',
  '~',
  '0x1F',
  '1e3',
  '.inf',
  '2026-01-01',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '- x',
  '*x',
  '&x',
  '!x',
  '|',
  '>',
  '%x',
  '@x',
  "it's",
  'say "hi"',
  'a, b',
  '[x]',
  '{x}',
  '',
  'two\nlines',
  'v5.1.0',
  's3://bucket/model',
  'ghcr.io/acme/fraud:v6',
  'registry:5000/app',
  `sha256:${'c'.repeat(64)}`,
  'é',
  '🚀',
];

function randomValue(next: () => number): string {
  if (next() < 0.6) return TRICKY[Math.floor(next() * TRICKY.length)]!;
  const chars = 'abcxyz019.-_:/@ #,"\'';
  let text = '';
  for (let i = 0, n = 1 + Math.floor(next() * 12); i < n; i++)
    text += chars[Math.floor(next() * chars.length)];
  return text;
}

type Step = string | number;
interface Leaf {
  doc: number;
  steps: Step[];
  path: string;
  node: Node;
}

/** Every value reachable without an alias, with the path that names it (keys bracket-quoted). */
function leaves(text: string): Leaf[] {
  const found: Leaf[] = [];
  parseAllDocuments(text, { keepSourceTokens: true }).forEach((doc, index) => {
    const walk = (node: unknown, steps: Step[]) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isScalar(pair.key) && typeof pair.key.value === 'string')
            walk(pair.value, [...steps, pair.key.value]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, [...steps, i]));
      } else if ((isScalar(node) || isAlias(node)) && steps.length > 0) {
        const path = steps.map((s) => (typeof s === 'number' ? `[${s}]` : `[${JSON.stringify(s)}]`)).join('');
        found.push({ doc: index, steps, path, node: node as Node });
      }
    };
    walk(doc.contents, []);
  });
  const counts = new Map<string, number>();
  for (const leaf of found) counts.set(leaf.path, (counts.get(leaf.path) ?? 0) + 1);
  return found.filter((leaf) => counts.get(leaf.path) === 1);
}

function documents(text: string, version: '1.1' | '1.2' = '1.2'): unknown[] {
  return parseAllDocuments(text, { version }).map((d) => d.toJS());
}

function setAt(docs: unknown[], doc: number, steps: Step[], value: unknown): void {
  let at = docs[doc] as Record<string | number, unknown>;
  for (const step of steps.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[steps.at(-1)!] = value;
}

function getAt(docs: unknown[], doc: number, steps: Step[]): unknown {
  let at: unknown = docs[doc];
  for (const step of steps) at = (at as Record<string | number, unknown>)[step];
  return at;
}

const REFUSED = /alias|anchor|block scalar|merge key/;

test('random values written at random paths of every corpus file change that value and nothing else', () => {
  const next = random(20261129);
  let edits = 0;
  let refusals = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    let text = readFileSync(join(DIR, file), 'utf8');
    let docs = documents(text);
    for (let round = 0; round < 12; round++) {
      const candidates = leaves(text);
      if (candidates.length === 0) break;
      const leaf = candidates[Math.floor(next() * candidates.length)]!;
      const value = randomValue(next);
      const target = { kind: 'yaml' as const, file, model: 'm', path: leaf.path, value: '{version}' };
      const where = `${file} ${leaf.path} = ${JSON.stringify(value)}`;
      let result: ReturnType<typeof editManifest>;
      try {
        result = editManifest({ file, text, changes: [{ target, value }] });
      } catch (error) {
        assert.ok(error instanceof UserError, `${where}: ${String(error)}`);
        assert.match(error.message, REFUSED, where);
        refusals++;
        continue;
      }
      const expected = structuredClone(docs);
      setAt(expected, leaf.doc, leaf.steps, value);
      const actual = documents(result.text);
      assert.deepEqual(actual, expected, where);
      assert.equal(getAt(documents(result.text, '1.1'), leaf.doc, leaf.steps), value, `${where} (YAML 1.1)`);

      // Only the value's own bytes changed: everything before and after its source is the same.
      const token = leaf.node.srcToken as { offset: number; source: string } | undefined;
      const start = token?.offset ?? leaf.node.range![0];
      const end = token ? token.offset + token.source.length : start;
      const tail = text.length - end;
      assert.equal(result.text.slice(0, start), text.slice(0, start), where);
      assert.equal(result.text.slice(result.text.length - tail), text.slice(end), where);

      // Writing it again changes nothing.
      const again = editManifest({ file, text: result.text, changes: [{ target, value }] });
      assert.equal(again.text, result.text, where);
      text = result.text;
      docs = actual;
      edits += result.edits.length;
    }
  }
  assert.ok(edits > 120, `${edits} edits`);
  assert.ok(refusals > 0, 'the corpus has aliased values, which must be refused');
});
