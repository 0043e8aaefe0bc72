// The bootstrap thread run from its TypeScript sources (tests, development). Node 20 does not apply
// the parent's --import hooks to a worker's entry module, so the thread registers tsx itself before
// loading the entry; the bundle (dist/bootstrap-worker.js) never comes here.
const { register } = await import('tsx/esm/api');
register();
await import('./bootstrap-worker.ts');
