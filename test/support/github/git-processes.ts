import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * git processes started, by the API operation that caused them (`operationId`, set by the server
 * around each request) and git subcommand: what bench/app.ts reads to see where the stand-in's
 * process starts go.
 */
export const gitProcesses = {
  scope: new AsyncLocalStorage<{ operation?: string }>(),
  counts: new Map<string, Map<string, number>>(),
  /**
   * Long-lived helper processes alive now (object readers, the spawner): their CPU, and that of the
   * git processes the spawner started, is not in this process's children's time until they exit.
   */
  helpers: new Set<number>(),
};

export function countGitProcess(subcommand: string): void {
  const operation = gitProcesses.scope.getStore()?.operation ?? '(no request)';
  let counts = gitProcesses.counts.get(operation);
  if (!counts) gitProcesses.counts.set(operation, (counts = new Map()));
  counts.set(subcommand, (counts.get(subcommand) ?? 0) + 1);
}
