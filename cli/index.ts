import { enableCompileCache } from './compile-cache.js';

// The CLI's entry: the compile cache is on before the rest of the CLI loads (a static import would
// compile it first), so that code is what the cache serves.
enableCompileCache();
await import('./main.js');
