import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * One action's bundle, built the way scripts/build.mjs builds dist/ (ESM, node20, a real require for
 * the CommonJS dependencies), into a temporary directory: a test runs the code under test, not a
 * dist/ that may be stale. MODELSHIP_DIST points at a prebuilt dist/ instead.
 */
export async function buildActionEntry(name: string): Promise<string> {
  if (process.env.MODELSHIP_DIST) return join(process.env.MODELSHIP_DIST, `${name}.js`);
  const outdir = mkdtempSync(join(tmpdir(), `modelship-dist-${name}-`));
  await build({
    entryPoints: { [name]: join(root, 'actions', name, 'index.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);",
    },
  });
  return join(outdir, `${name}.js`);
}
