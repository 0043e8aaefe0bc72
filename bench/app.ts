// Benchmark of the promotion app through the GitHub stand-in with 50 ms added to every API answer
// (GitHub's round trip): the app's server, signed webhooks, installation tokens, real git behind both
// repositories. The stand-in runs in a process of its own (bench/app-standin-process.ts), as GitHub
// does: sharing the app's process, its CPU (schema checks, git) made the app wait for it.
//   npx tsx bench/app.ts [--commands 20] [--latency 50] [--cpu-prof DIR] [--app-cpu-prof DIR]
// --cpu-prof DIR writes the stand-in process's V8 CPU profile into DIR (open it in Chrome's DevTools
// or speedscope) and prints how many git processes each operation started.
// --app-cpu-prof DIR writes the app's (this process's) V8 CPU profile of the concurrent commands
// only, without start-up and warm-up, into DIR/app.cpuprofile.
// Targets (issue #15): the reply to /promote within 3 s at p95 across 20 concurrent commands; at
// most 12 GitHub API calls per uncontended promotion; a webhook acknowledged within 100 ms.
// The concurrent commands go to environments on their own ops branches (20 clusters, say), so they
// contend for the app and the stand-in, not for one lock or one branch (commands to one environment
// are serialised by its lock by design; test/app/promotion-concurrency.test.ts covers that).
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppDependencies } from '../app/app-dependencies.js';
import { createAppLog } from '../app/app-log.js';
import { startAppServer } from '../app/start-app-server.js';
import { createGitHubClient } from '../platform/github/client.js';
import { valuesFile } from '../test/support/promotion-app.js';
import {
  MODELS,
  OPS,
  type GitProcessCounts,
  type SlimCall,
  type StandInRequest,
} from './app-standin-process.js';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '20' },
    latency: { type: 'string', default: '50' },
    'cpu-prof': { type: 'string' },
    'app-cpu-prof': { type: 'string' },
  },
});
const profileDir = values['cpu-prof'];
const appProfileDir = values['app-cpu-prof'];
// Other work on the machine shares its cores: the numbers below only mean something next to it.
const loadAtStart = loadavg()[0]!.toFixed(1);
const count = Number(values.commands);
const latencyMs = Number(values.latency);
// Two lanes more than commands: one to warm up, one to count the calls of a lone promotion.
const lanes = Array.from({ length: count + 2 }, (_, i) => `lane${String(i).padStart(2, '0')}`);

const child = fork(fileURLToPath(new URL('./app-standin-process.ts', import.meta.url)), [], {
  execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let ready: () => void;
const started = new Promise<void>((resolve) => (ready = resolve));
child.on('message', (m: { ready?: true; id?: number; result?: unknown; error?: string }) => {
  if (m.ready) return ready();
  const pending = waiting.get(m.id!)!;
  waiting.delete(m.id!);
  if (m.error) pending.reject(new Error(m.error));
  else pending.resolve(m.result);
});
let nextId = 0;
type Ask = StandInRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
const ask = <T>(request: Ask): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.send({ ...request, id });
  });
await started;

const setup = await ask<{
  url: string;
  appId: string;
  privateKey: string;
  webhookSecret: string;
  pullRequest: number;
  aliceToken: string;
}>({ op: 'setup', lanes, values: valuesFile('v0.9.0') });
// The app's warnings (a retried call, a timeout) are counted: each is a call made twice.
const warnings: string[] = [];
const log = createAppLog({ level: 'warn', write: (line) => void warnings.push(line), bindings: {} });
const dependencies = createAppDependencies({
  appId: setup.appId,
  privateKey: setup.privateKey,
  apiUrl: setup.url,
  opsRepository: OPS,
  pacing: false,
  clock: { now: () => new Date() },
  log,
  settings: { lockRetryMs: 50, lockAttempts: 12 },
  timeoutMs: 120_000,
});
const app = await startAppServer({
  appId: setup.appId,
  privateKey: setup.privateKey,
  webhookSecret: setup.webhookSecret,
  apiUrl: setup.url,
  port: 0,
  host: '127.0.0.1',
  webhookPath: '/api/github/webhooks',
  log,
  dependencies,
});
await ask({ op: 'configure', webhookUrl: app.webhookUrl, latencyMs });
// The acknowledgement as the app sees it (request in → response sent), next to the stand-in's view,
// which adds its own event loop's delays; and how long the app's event loop was kept from answering.
const appAcks: number[] = [];
app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  if (req.method !== 'POST') return;
  const started = performance.now();
  res.once('finish', () => appAcks.push(performance.now() - started));
});
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

const [owner, repo] = MODELS.split('/') as [string, string];
// A comment is not idempotent: a client that times out (30 s by default) and retries a POST the
// stand-in already applied makes a second command, with its deliveries, calls and replies. The
// bench's commenter waits instead and never retries; a failure stops the bench.
const alice = createGitHubClient({
  token: setup.aliceToken,
  baseUrl: setup.url,
  pacing: false,
  retries: 0,
  timeoutMs: 600_000,
});
const comment = async (body: string) =>
  (await alice.rest.issues.createComment({ owner, repo, issue_number: setup.pullRequest, body })).data;
const settled = async () => {
  // A reply is a comment too (delivered, then ignored): settle until nothing moves.
  for (let round = 0; round < 20; round++) {
    await ask({ op: 'settled' });
    if (dependencies.queue.size === 0) {
      await ask({ op: 'settled' });
      if (dependencies.queue.size === 0) return;
    }
    await dependencies.queue.settled();
  }
};
const callsFrom = (from: number) => ask<{ total: number; calls: SlimCall[] }>({ op: 'calls', from });
const cpu = () => ask<{ self: number; children: number; git: GitProcessCounts }>({ op: 'cpu' });
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ms = (n: number) => `${Math.round(n)} ms`;
const isCommand = (c: SlimCall) =>
  c.operationId === 'issues/create-comment' && c.body?.startsWith('/promote');
const endOf = (calls: SlimCall[], id: number) =>
  calls.find(
    (c) =>
      // 🚀/👎 by REST, or among the batched GraphQL mutations that end a command (its reply too).
      (c.operationId === 'reactions/create-for-issue-comment' || c.operationId === 'graphql') &&
      c.commentId === String(id) &&
      (c.content === 'rocket' || c.content === '-1'),
  );

// Warm-up (the installation token is cached afterwards, as on a running app), then one promotion alone.
await comment(`/promote v1.0.0 to ${lanes[count]}`);
await settled();
const before = (await callsFrom(0)).total;
const loneComment = await comment(`/promote v1.0.0 to ${lanes[count + 1]}`);
const loneAt = Date.now();
await settled();
const lone = (await callsFrom(before)).calls.filter((c) => !isCommand(c));
const loneEnd = endOf(lone, loneComment.id);
const byOperation = new Map<string, number>();
for (const c of lone) {
  const key = c.operationId ?? c.path;
  byOperation.set(key, (byOperation.get(key) ?? 0) + 1);
}

// The concurrent commands, one per lane.
const start = (await callsFrom(0)).total;
const profiler = appProfileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const appCpuBefore = process.cpuUsage();
const appAcksBefore = appAcks.length;
loopDelay.enable();
const standInCpuBefore = await cpu();
const wallBefore = Date.now();
const sent = await Promise.all(
  lanes.slice(0, count).map(async (lane) => {
    const created = await comment(`/promote v1.0.0 to ${lane}`);
    // From when the comment exists (GitHub has sent the webhook by the time it answers).
    return { ...created, at: Date.now() };
  }),
);
await settled();
const wall = Date.now() - wallBefore;
const appCpu = process.cpuUsage(appCpuBefore);
if (profiler && appProfileDir) {
  const { profile } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  await mkdir(appProfileDir, { recursive: true });
  await writeFile(join(appProfileDir, 'app.cpuprofile'), JSON.stringify(profile));
}
loopDelay.disable();
const inApp = appAcks.slice(appAcksBefore).sort((a, b) => a - b);
const standInCpuAfter = await cpu();
const window = (await callsFrom(start)).calls;
const latencies = sent.flatMap((c) => {
  const ended = endOf(window, c.id);
  return ended ? [ended.at - c.at] : [];
});
latencies.sort((a, b) => a - b);
const state = await ask<{
  acks: number[];
  endings: Record<string, string | null>;
  replies: string[];
  problems: string[];
  redeliveries: number;
  failedDeliveries: number;
}>({ op: 'state' });
const acks = state.acks.sort((a, b) => a - b);
const endings = sent.map((c) => state.endings[String(c.id)]);
const appSeconds = (appCpu.user + appCpu.system) / 1e6;
const standInSelf = standInCpuAfter.self - standInCpuBefore.self;
const standInGit = standInCpuAfter.children - standInCpuBefore.children;

console.log(
  `GitHub stand-in latency: ${latencyMs} ms per answer; stand-in in its own process (pid ${child.pid})`,
);
console.log(`API calls of one uncontended promotion (installation token cached): ${lone.length}`);
for (const [operation, n] of [...byOperation].sort()) console.log(`  ${n} × ${operation}`);
if (loneEnd)
  console.log(
    `  alone: comment → 🚀 ${ms(loneEnd.at - loneAt)} (of which ${lone.length} × ${latencyMs} ms = ${ms(lone.length * latencyMs)} added latency, the calls being sequential)`,
  );
console.log(
  `${sent.length} concurrent /promote: ${endings.filter((o) => o === 'rocket').length} promoted, ${endings.filter((o) => o === '-1').length} refused, ${latencies.length} timed`,
);
console.log(
  `  comment → 🚀/👎: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1)!)}`,
);
console.log(`  ${window.length} API calls in ${ms(wall)}`);
console.log(
  `  CPU: app process ${ms(appSeconds * 1000)} (${ms((appSeconds * 1000) / window.length)} a call); stand-in process ${ms(standInSelf * 1000)} + git ${ms(standInGit * 1000)} (its git processes, cat-file readers and spawner): ${ms(((standInSelf + standInGit) * 1000) / window.length)} a call — on ${availableParallelism()} cores, load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
);
// git processes per call of each operation in the concurrent window (the stand-in's process starts).
const callsOf = new Map<string, number>();
for (const c of window) callsOf.set(c.operationId ?? c.path, (callsOf.get(c.operationId ?? c.path) ?? 0) + 1);
const gitLines = Object.entries(standInCpuAfter.git).flatMap(([operation, after]) => {
  const before = standInCpuBefore.git[operation] ?? {};
  const started = Object.entries(after)
    .map(([sub, n]) => [sub, n - (before[sub] ?? 0)] as const)
    .filter(([, n]) => n > 0);
  const total = started.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return [];
  const per = callsOf.get(operation);
  return [
    `  ${operation}: ${total}${per ? ` (${(total / per).toFixed(1)} a call)` : ''} — ${started.map(([sub, n]) => `${sub} ${n}`).join(', ')}`,
  ];
});
console.log(`  git processes: ${gitLines.length === 0 ? 'none' : ''}`);
for (const line of gitLines) console.log(line);
console.log(
  `webhook acknowledgement (${acks.length} comment deliveries): p50 ${ms(percentile(acks, 50))}, p95 ${ms(percentile(acks, 95))}, max ${ms(acks.at(-1)!)}`,
);
console.log(
  `  in the app (request in → response sent, ${inApp.length} deliveries): p50 ${inApp.length ? ms(percentile(inApp, 50)) : '-'}, p95 ${inApp.length ? ms(percentile(inApp, 95)) : '-'}; app event loop delay p99 ${ms(loopDelay.percentile(99) / 1e6)}, max ${ms(loopDelay.max / 1e6)}`,
);
const notices = state.replies.filter((r) => r.includes('delivered again')).length;
console.log(`replies: ${state.replies.length} (${notices} "delivered again" notices)`);
const serverErrors = window.filter((c) => c.status >= 500 || c.status < 0).length;
console.log(
  `redeliveries ${state.redeliveries}, failed deliveries ${state.failedDeliveries}, stand-in 5xx or resets ${serverErrors}, app warnings ${warnings.length}, stand-in problems ${state.problems.length}`,
);
for (const line of [...state.problems, ...warnings].slice(0, 5))
  console.log(`  ${line.trim().slice(0, 300)}`);
await app.close();
await ask({ op: 'close' }).catch(() => {});
