// Bundles every action entry and the CLI into dist/ as ESM with shared chunks: one copy of the core
// serves all actions (github/codeql-action's lesson), and rarely used paths (S3, Parquet) load lazily.
// esbuild reads TypeScript directly, so bundling does not depend on the TypeScript compiler's version.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs';
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
  // The promotion app's plain Node entry (the Dockerfile runs dist/app.js).
  if (existsSync(join(root, 'app/main.ts'))) entries.app = join(root, 'app/main.ts');
  return entries;
}

/**
 * zod's namespace (`z`) re-exports every locale (about 260 KB minified) and the bundler cannot drop
 * them through it; Modelship speaks English (zod registers `en` itself), so `z.locales` holds English
 * only. Half the code each action loads, and most of the metric-gate action's 300 ms budget.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: 'zod-locales-en', namespace: 'english-only-zod' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'english-only-zod' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(join(root, 'node_modules/zod/v4/locales/en.js'))};`,
      resolveDir: root,
    }));
  },
};

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
    plugins: [englishOnlyZod],
    logLevel: 'warning',
    // CommonJS dependencies (yaml, the AWS SDK) call require(); give ESM output a real one.
    banner: {
      js: "import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);",
    },
  });
}

/**
 * onnxruntime-web's WebAssembly build beside the bundle (about 15 MB): the evaluate-model action's
 * fallback where no native onnxruntime exists for the runner (Intel macOS) or its install fails,
 * offline too. Plain copies: the bundler corrupts binary files (see README, "Model runtime").
 */
export function shipWasmRuntime(outdir) {
  const target = join(outdir, 'onnxruntime-wasm', 'node_modules');
  const web = join(root, 'node_modules', 'onnxruntime-web');
  for (const file of [
    'package.json',
    'dist/ort.node.min.js',
    'dist/ort-wasm-simd-threaded.mjs',
    'dist/ort-wasm-simd-threaded.wasm',
  ]) {
    mkdirSync(join(target, 'onnxruntime-web', file, '..'), { recursive: true });
    cpSync(join(web, file), join(target, 'onnxruntime-web', file));
  }
  const common = join(root, 'node_modules', 'onnxruntime-common');
  for (const entry of ['package.json', 'dist']) {
    // The JavaScript only: type declarations and source maps are of no use at run time.
    cpSync(join(common, entry), join(target, 'onnxruntime-common', entry), {
      recursive: true,
      filter: (source) => !/\.(d\.ts|map)$/.test(source),
    });
  }
}

/** Everything dist/ holds: the bundles and the WebAssembly runtime beside them. */
export async function buildDist(outdir) {
  await bundle(outdir);
  shipWasmRuntime(outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDist(process.argv[2] ?? join(root, 'dist'));
}
