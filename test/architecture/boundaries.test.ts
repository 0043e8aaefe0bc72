import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

// The layers and the direction of imports (README, "Architecture"): each layer may import the
// layers listed for it and itself, never the other way round. A relative import is placed by the
// file it resolves to; a package by its name.
const root = resolve(import.meta.dirname, '../..');
const LAYERS = ['core', 'jobs', 'platform', 'cli', 'actions', 'app'] as const;
type Layer = (typeof LAYERS)[number] | 'root-action' | 'package.json';
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  jobs: ['core', 'jobs'],
  platform: ['core', 'jobs', 'platform'],
  cli: ['core', 'jobs', 'platform', 'cli', 'package.json'],
  actions: ['core', 'jobs', 'platform', 'actions'],
  app: ['core', 'jobs', 'platform', 'app'],
  'root-action': ['core', 'platform', 'actions'],
  'package.json': [],
};
/** Pure layers take only small pure libraries; everything else (Node, GitHub, AWS) lives in platform. */
const PACKAGES: Partial<Record<Layer, readonly string[]>> = {
  core: ['zod', 'yaml', 'hyparquet', 'hyparquet-compressors', 'diff'],
  jobs: [],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function layerOf(path: string): Layer | undefined {
  const rel = relative(root, path);
  if (rel === 'action.ts') return 'root-action';
  if (rel === 'package.json') return 'package.json';
  const top = rel.split('/')[0] as Layer;
  return (LAYERS as readonly string[]).includes(top) ? top : undefined;
}

function importsOf(text: string): string[] {
  const specifiers = text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/g);
  const dynamic = text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g);
  return [...specifiers, ...dynamic].map((m) => m[1]!);
}

const files = [
  ...LAYERS.flatMap((l) => {
    try {
      return sources(join(root, l));
    } catch {
      return [];
    }
  }),
  join(root, 'action.ts'),
];

test('every import follows the direction of the layers', () => {
  const wrong: string[] = [];
  for (const file of files) {
    const from = layerOf(file)!;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const where = `${relative(root, file)} imports ${specifier}`;
      if (specifier.startsWith('.')) {
        const target = layerOf(resolve(dirname(file), specifier));
        if (target === undefined || !MAY_IMPORT[from].includes(target)) wrong.push(where);
        // An action is an adapter: it may share actions/shared, never another action's folder.
        if (from === 'actions' && target === 'actions') {
          const [own, theirs] = [relative(root, file), relative(root, resolve(dirname(file), specifier))].map(
            (p) => p.split('/')[1],
          );
          if (theirs !== own && theirs !== 'shared') wrong.push(`${where} (another action)`);
        }
      } else {
        const allowed = PACKAGES[from];
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0]!;
        if (allowed !== undefined && !allowed.includes(name)) wrong.push(where);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('the boundary check sees a wrong import (it can fail)', () => {
  const from: Layer = 'core';
  const target = layerOf(resolve(root, 'core/checks', '../../platform/files/report-files.ts'));
  assert.equal(target, 'platform');
  assert.ok(!MAY_IMPORT[from].includes(target!));
  assert.deepEqual(
    importsOf("import { x } from '../a.js';\nexport * from \"./b.js\";\nawait import('./c.js');"),
    ['../a.js', './b.js', './c.js'],
  );
});

test('only the context builders read process.env', () => {
  const readers = files
    .filter((file) => /\bprocess\.env\b/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .filter((file) => !file.startsWith('platform/context/'));
  assert.deepEqual(readers, []);
});
