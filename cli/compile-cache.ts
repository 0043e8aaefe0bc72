import * as nodeModule from 'node:module';

/**
 * V8's compile cache: a later run reads the bundle's compiled code from disk instead of parsing it
 * again (the CLI loads about 450 KB of JavaScript for a promotion). Node ≥ 22.1 has
 * `module.enableCompileCache`, but only the releases that also have `module.flushCompileCache`
 * (22.10, 23.0) write an entry to a temporary file and rename it into place, so concurrent runs never
 * read each other's half-written entries; older ones, Node 20 among them, run as before. Node checks
 * every entry against the code it compiles, never throws here (an unwritable directory only reports
 * FAILED), honours NODE_COMPILE_CACHE (the directory; default: the OS temporary directory's
 * node-compile-cache, one folder per Node version and user) and NODE_DISABLE_COMPILE_CACHE=1.
 */
export function enableCompileCache(): void {
  const api = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
  if (typeof api.enableCompileCache !== 'function' || typeof api.flushCompileCache !== 'function') return;
  try {
    api.enableCompileCache();
  } catch {
    // An optimisation, never a reason for a run to fail.
  }
}
