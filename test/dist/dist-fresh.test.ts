import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error -- plain ESM build script without types
import { buildDist } from '../../scripts/build.mjs';

const root = join(import.meta.dirname, '../..');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

test('the committed dist/ is what `npm run build` produces from the sources', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'modelship-dist-'));
  try {
    await buildDist(fresh);
    const committed = join(root, 'dist');
    const names = (dir: string) => listFiles(dir).map((p) => relative(dir, p)).sort();
    assert.deepEqual(names(committed), names(fresh), 'dist/ has other files than a fresh build: run `npm run build`');
    for (const name of names(fresh)) {
      assert.ok(
        readFileSync(join(committed, name)).equals(readFileSync(join(fresh, name))),
        `dist/${name} is stale: run \`npm run build\` and commit dist/`,
      );
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});
