// Benchmark of the promotion app through the GitHub stand-in with 50 ms added to every API answer
// (GitHub's round trip): the app's server, signed webhooks, installation tokens, real git behind both
// repositories.
//   npx tsx bench/app.ts [--commands 20] [--latency 50]
// Targets (issue #15): the reply to /promote within 3 s at p95 across 20 concurrent commands; at
// most 12 GitHub API calls per uncontended promotion; a webhook acknowledged within 100 ms.
// The concurrent commands go to environments on their own ops branches (20 clusters, say), so they
// contend for the app and the stand-in, not for one lock or one branch (commands to one environment
// are serialised by its lock by design; test/app/promotion-concurrency.test.ts covers that).
import { parseArgs } from 'node:util';
import type { RecordedCall } from '../test/support/github/server.js';
import { MODELS, OPS, startPromotionApp, valuesFile } from '../test/support/promotion-app.js';

const { values } = parseArgs({
  options: { commands: { type: 'string', default: '20' }, latency: { type: 'string', default: '50' } },
});
const count = Number(values.commands);
// Two lanes more than commands: one to warm up, one to count the calls of a lone promotion.
const lanes = Array.from({ length: count + 2 }, (_, i) => `lane${String(i).padStart(2, '0')}`);
const config = `version: 1
environments:
${lanes
  .map(
    (lane) => `  ${lane}:
    branch: ${lane}
    targets:
      - { file: apps/fraud/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }
`,
  )
  .join('')}`;

const world = await startPromotionApp({ opsConfig: config });
const [owner, repo] = MODELS.split('/') as [string, string];
const [opsOwner, opsName] = OPS.split('/') as [string, string];
const ops = world.gh.state.repo(opsOwner, opsName)!;
const head = (await ops.git.refSha('refs/heads/main'))!;
const blob = await ops.git.writeBlob(Buffer.from(valuesFile('v0.9.0')));
const tree = await ops.git.makeTree(
  [{ path: 'apps/fraud/values.yaml', mode: '100644', sha: blob }],
  await ops.git.git(['rev-parse', `${head}^{tree}`]),
);
const laneCommit = await ops.git.commit(tree, [head], 'Lane values');
for (const lane of lanes) await ops.git.updateRef(`refs/heads/${lane}`, laneCommit, '');
await world.registerVersion('v1.0.0');
world.gh.latencyMs = Number(values.latency);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ms = (n: number) => `${Math.round(n)} ms`;
const isCommand = (c: RecordedCall) =>
  c.operationId === 'issues/create-comment' && (c.body as { body?: string }).body?.startsWith('/promote');

// Warm-up (the installation token is cached afterwards, as on a running app), then one promotion alone.
await world.comment('alice', `/promote v1.0.0 to ${lanes[count]}`);
await world.settled();
const before = world.gh.calls.length;
await world.comment('alice', `/promote v1.0.0 to ${lanes[count + 1]}`);
await world.settled();
const lone = world.gh.calls.slice(before).filter((c) => !isCommand(c));
const byOperation = new Map<string, number>();
for (const c of lone) {
  const key = c.operationId ?? c.path;
  byOperation.set(key, (byOperation.get(key) ?? 0) + 1);
}

// The concurrent commands, one per lane.
const start = world.gh.calls.length;
// The stand-in runs in this process (every request and answer checked against GitHub's OpenAPI and
// GraphQL schemas, git in child processes): its CPU per call shows how much of the wait is its own.
const cpuBefore = process.cpuUsage();
const wallBefore = Date.now();
const sent = await Promise.all(
  lanes.slice(0, count).map(async (lane) => {
    const comment = await world.comment('alice', `/promote v1.0.0 to ${lane}`);
    // From when the comment exists (GitHub has sent the webhook by the time it answers).
    return { ...comment, at: Date.now() };
  }),
);
await world.settled();
const cpu = process.cpuUsage(cpuBefore);
const wall = Date.now() - wallBefore;
const window = world.gh.calls.slice(start);
const latencies: number[] = [];
const models = world.gh.state.repo(owner, repo)!;
for (const comment of sent) {
  const ended = window.find(
    (c) =>
      c.operationId === 'reactions/create-for-issue-comment' &&
      c.params.comment_id === String(comment.id) &&
      ['rocket', '-1'].includes((c.body as { content: string }).content),
  );
  if (ended) latencies.push(ended.at - comment.at);
}
latencies.sort((a, b) => a - b);
const acks = world.gh.deliveries
  .filter((d) => d.event === 'issue_comment' && d.action === 'created')
  .map((d) => d.duration * 1000)
  .sort((a, b) => a - b);
const endings = sent.map((c) =>
  (models.reactions.get(c.id) ?? []).map((r) => r.content).find((x) => x === 'rocket' || x === '-1'),
);

console.log(`GitHub stand-in latency: ${world.gh.latencyMs} ms per answer`);
console.log(`API calls of one uncontended promotion (installation token cached): ${lone.length}`);
for (const [operation, n] of [...byOperation].sort()) console.log(`  ${n} × ${operation}`);
console.log(
  `${sent.length} concurrent /promote: ${endings.filter((o) => o === 'rocket').length} promoted, ${endings.filter((o) => o === '-1').length} refused, ${latencies.length} timed`,
);
console.log(
  `  comment → 🚀/👎: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1)!)}`,
);
console.log(
  `  ${window.length} API calls in ${ms(wall)}; this process (app + stand-in) used ${ms((cpu.user + cpu.system) / 1000)} of CPU, ${ms((cpu.user + cpu.system) / 1000 / window.length)} a call`,
);
console.log(
  `webhook acknowledgement (${acks.length} comment deliveries): p50 ${ms(percentile(acks, 50))}, p95 ${ms(percentile(acks, 95))}, max ${ms(acks.at(-1)!)}`,
);
const notices = world.replies().filter((r) => r.includes('delivered again')).length;
console.log(`replies: ${world.replies().length} (${notices} "delivered again" notices)`);
await world.close();
