// Bundles every action entry and the CLI into dist/ as ESM with shared chunks: one copy of the core
// serves all actions (github/codeql-action's lesson), and rarely used paths (S3, Parquet) load lazily.
// esbuild reads TypeScript directly, so bundling does not depend on the TypeScript compiler's version.
import { build } from 'esbuild';
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');

export function entryPoints() {
  // The dataset reader thread and the bootstrap thread are entries of their own, so a thread loads
  // only what it needs.
  const entries = {
    cli: join(root, 'cli/index.ts'),
    'dataset-worker': join(root, 'platform/data/dataset-worker.ts'),
    'bootstrap-worker': join(root, 'platform/bootstrap/bootstrap-worker.ts'),
  };
  for (const name of readdirSync(join(root, 'actions'))) {
    const index = join(root, 'actions', name, 'index.ts');
    if (existsSync(index)) entries[name] = index;
  }
  if (existsSync(join(root, 'action.ts'))) entries.modelship = join(root, 'action.ts');
  return entries;
}

export async function bundle(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entryPoints(),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    // CommonJS dependencies (yaml, the AWS SDK) call require(); give ESM output a real one.
    banner: {
      js: "import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ?? join(root, 'dist'));
}
