import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  MODELS,
  OPS,
  startPromotionApp,
  valuesFile,
  type PromotionAppWorld,
} from '../support/promotion-app.js';

// Issue #15, item 10: the whole path through the stand-in — a registered version, /promote to
// staging, /promote to production (no soak configured: waived), /rollback production, /status —
// checking the ops repository's files and commits, the deployments and their statuses, the stage
// tags, the replies and the reactions. (~5 s)
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];
const [opsOwner, opsName] = OPS.split('/') as [string, string];

before(async () => {
  world = await startPromotionApp();
});
after(() => world.close());

const ops = () => world.gh.state.repo(opsOwner, opsName)!;
const models = () => world.gh.state.repo(owner, repo)!;
const opsFile = (path: string) => ops().git.git(['show', `refs/heads/main:${path}`]);
const stageTags = async () =>
  (
    await models().git.git([
      'for-each-ref',
      '--format=%(refname:short) %(objecttype) %(*objectname)',
      'refs/tags/',
    ])
  )
    .split('\n')
    .filter((l) => l.includes('#'));
const deployments = () =>
  [...models().deployments.values()].map((d) => ({
    environment: d.environment as string,
    ref: d.ref as string,
    payload: d.payload as Record<string, string>,
    states: (models().deploymentStatuses.get(d.id as number) ?? []).map((s) => s.state as string),
    environmentUrl: (models().deploymentStatuses.get(d.id as number) ?? []).find((s) => s.state === 'success')
      ?.environment_url,
  }));
const reactions = (commentId: number) =>
  (models().reactions.get(commentId) ?? []).map((r) => r.content as string).sort();

async function command(login: string, body: string) {
  const comment = await world.comment(login, body);
  await world.settled();
  return { comment, reply: world.replies().at(-1)!, reactions: reactions(comment.id) };
}

test('register → /promote staging → /promote production → /rollback production → /status', async () => {
  // Registered as the training workflow does: the register-model action (annotated tag, release).
  const v100 = await world.registerWithAction('v1.0.0');
  const v110 = await world.registerWithAction('v1.1.0');

  // Staging is the default environment: bob (write) may promote there.
  let step = await command('bob', '/promote v1.0.0');
  assert.match(step.reply, /^### 🚀 Promoted fraud `v1\.0\.0` to staging\n\n`v0\.9\.0` → `v1\.0\.0`$/m);
  assert.match(step.reply, /\| `apps\/fraud\/staging\/values\.yaml:\d+` .* \| `v0\.9\.0` \| `v1\.0\.0` \|/);
  assert.match(
    step.reply,
    /\[ops commit `[0-9a-f]{7}`\]\([^)]+\) in acme\/ops · stage tag `fraud#staging#1`/,
  );
  assert.ok(step.reply.startsWith('<!-- modelship:command -->\n'), 'the marker line comes first');
  assert.deepEqual(step.reactions, ['eyes', 'rocket']);
  assert.equal(await opsFile('apps/fraud/staging/values.yaml'), valuesFile('v1.0.0').trimEnd());
  assert.equal(await opsFile('apps/fraud/production/values.yaml'), valuesFile('v0.9.0').trimEnd());
  const message = await ops().git.git(['log', '-1', '--format=%B', 'refs/heads/main']);
  assert.match(message, /^Promote fraud v1\.0\.0 to staging \(was v0\.9\.0\)/);
  assert.match(message, /Modelship-Requested-By: bob/);
  assert.match(message, new RegExp(`Modelship-Source: ${step.comment.html_url.replace(/[.?]/g, '\\$&')}`));

  // Production is protected: a naked command does not reach it, and bob (write) may not.
  step = await command('bob', '/promote v1.0.0 to production');
  assert.match(step.reply, /Only people with maintain or admin may promote to production \(you have write\)/);
  step = await command('alice', '/promote v1.1.0 to production');
  assert.match(step.reply, /fraud v1\.1\.0 must run in staging before production; it has not/);
  assert.deepEqual(step.reactions, ['-1', 'eyes']);

  step = await command('alice', '/promote v1.0.0 to production');
  assert.match(step.reply, /Promoted fraud `v1\.0\.0` to production/);
  assert.match(
    step.reply,
    /· \[production\]\(https:\/\/fraud\.example\.com\) · stage tag `fraud#production#\d+`/,
  );
  assert.equal(await opsFile('apps/fraud/production/values.yaml'), valuesFile('v1.0.0').trimEnd());

  await command('bob', '/promote v1.1.0 to staging');
  // The plan first: the change and its diff, nothing written.
  step = await command('alice', '/promote v1.1.0 to production --dry-run');
  assert.match(step.reply, /^### 🔍 Dry run: promote fraud `v1\.1\.0` to production$/m);
  assert.match(step.reply, /\n```diff\n[\s\S]*\n-.*v1\.0\.0.*\n\+.*v1\.1\.0[\s\S]*\n```\n/);
  assert.match(step.reply, /Nothing was written\./);
  assert.deepEqual(step.reactions, ['eyes', 'rocket']);
  step = await command('alice', '/promote v1.1.0 to production');
  assert.match(step.reply, /`v1\.0\.0` → `v1\.1\.0`/);

  // 3 a.m.: back to what ran before, without naming it.
  step = await command('alice', '/rollback production');
  assert.match(step.reply, /^### 🚀 Rolled back production to fraud `v1\.0\.0`\n\n`v1\.1\.0` → `v1\.0\.0`$/m);
  assert.equal(await opsFile('apps/fraud/production/values.yaml'), valuesFile('v1.0.0').trimEnd());
  assert.equal(await opsFile('apps/fraud/staging/values.yaml'), valuesFile('v1.1.0').trimEnd());

  step = await command('carol', '/status');
  assert.match(step.reply, /^### Status of fraud\n\nFrom acme\/ops at `[0-9a-f]{7}`\.$/m);
  assert.match(
    step.reply,
    /\n\| staging \| `v1\.1\.0` \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \([^)]+\) \| `bob` \| — \|\n/,
  );
  assert.match(step.reply, /\n\| production \| `v1\.0\.0` \| [^|]+ UTC \([^)]+\) \| `alice` \| — \|\n/);
  assert.doesNotMatch(step.reply, /half-done/);

  // Ops history: one commit per promotion, newest first, each naming what it replaced.
  const history = (await ops().git.git(['log', '--format=%s', 'refs/heads/main'])).split('\n');
  assert.deepEqual(history, [
    'Promote fraud v1.0.0 to production (was v1.1.0)',
    'Promote fraud v1.1.0 to production (was v1.0.0)',
    'Promote fraud v1.1.0 to staging (was v1.0.0)',
    'Promote fraud v1.0.0 to production (was v0.9.0)',
    'Promote fraud v1.0.0 to staging (was v0.9.0)',
    'Initial commit',
  ]);
  // Deployments: one per promotion, in_progress then success (GitHub marks the one before inactive,
  // except in a production environment — protected ones are deployed as production), with its URL.
  const made = deployments();
  assert.deepEqual(
    made.map((d) => `${d.environment} ${d.ref} ${d.payload.kind} ${d.states.join('>')}`),
    [
      'staging fraud@v1.0.0 promote in_progress>success>inactive',
      'production fraud@v1.0.0 promote in_progress>success',
      'staging fraud@v1.1.0 promote in_progress>success',
      'production fraud@v1.1.0 promote in_progress>success',
      'production fraud@v1.0.0 rollback in_progress>success',
    ],
  );
  assert.equal(made[1]!.environmentUrl, 'https://fraud.example.com');
  assert.equal(made[4]!.payload.actor, 'alice');
  assert.match(made[4]!.payload.digest!, /^sha256:[0-9a-f]{64}$/);
  assert.ok(made[4]!.payload.comment!.startsWith('http'));
  // Stage tags: annotated, on the versions' commits, counters increasing; the rollback withdrew
  // v1.1.0's assignment (so a second rollback would walk further back, not toggle).
  assert.deepEqual(await stageTags(), [
    `fraud#production!#5 tag ${v110}`,
    `fraud#production#2 tag ${v100}`,
    `fraud#production#4 tag ${v110}`,
    `fraud#staging#1 tag ${v100}`,
    `fraud#staging#3 tag ${v110}`,
  ]);
});
