import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';
import { registerReleaseVersion } from '../support/register-release-version.js';

// Issue #15, performance: at most 12 GitHub API calls per uncontended /promote. Counted with the
// stand-in's `gh.calls` for one promotion after a warm-up (the installation token is cached then,
// as on a running app), by operation — GraphQL requests by the root fields they carry — so a change
// in any step shows here. The version keeps its artifact as a release asset, so the artifact-digest
// precondition's read is counted too (an S3-stored version makes one call fewer). (~10 s)
let world: PromotionAppWorld;
let calls: string[] = [];

before(async () => {
  world = await startPromotionApp();
  await registerReleaseVersion(world, 'v1.0.0');
  await world.comment('alice', '/status staging');
  await world.settled();
  const start = world.gh.calls.length;
  await world.comment('alice', '/promote v1.0.0 to staging');
  await world.settled();
  calls = world.gh.calls
    .slice(start)
    // The comment itself is the person's call, not the app's.
    .filter(
      (c) =>
        !(
          c.operationId === 'issues/create-comment' &&
          String((c.body as { body?: string }).body).startsWith('/')
        ),
    )
    .map((c) =>
      c.operationId === 'graphql'
        ? `graphql ${c.graphql?.operation ?? ''} ${(c.graphql?.fields ?? [c.graphql?.rootField]).join(' ')}`
        : (c.operationId ?? `${c.method} ${c.path}`),
    );
});
after(() => world.close());

const tally = (list: string[]) => {
  const counts: Record<string, number> = {};
  for (const c of list) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
};

test('an uncontended /promote makes exactly these calls, step by step (README, "The promotion app")', () => {
  assert.match(world.replies().at(-1) ?? '', /v1\.0\.0/);
  assert.deepEqual(tally(calls), {
    // 1. receipt: 👀 (the claim across replicas: REST's 201 vs 200)
    'reactions/create-for-issue-comment': 1,
    // 2. the commenter's role
    'repos/get-collaborator-permission-level': 1,
    // 3. on arrival, one query: the pull request (fork?), the registry's tags, the ops config
    'graphql query repository repository': 1,
    // 4. the artifact-digest precondition: the release's assets and their digests
    'repos/get-release-by-tag': 1,
    // 5. the plan: the manifests
    'graphql query repository': 1,
    // 6. the write lock: a commit on the empty tree, its ref (the second create-ref is the stage tag's)
    'git/create-commit': 1,
    'git/create-ref': 2,
    // 7. the deployment
    'repos/create-deployment': 1,
    // 8. status in_progress, then the ops commit, in one request
    'graphql mutation createDeploymentStatus createCommitOnBranch': 1,
    // 9. the stage tag: its tag object (then its ref, above)
    'git/create-tag': 1,
    // 10. status success, the lock released, the reply, 🚀 — one request
    'graphql mutation createDeploymentStatus deleteRef addComment addReaction': 1,
  });
});

test('an uncontended /promote makes at most 12 GitHub API calls', () => {
  assert.ok(calls.length <= 12, `${calls.length} calls: ${calls.join(', ')}`);
});

test('the batched writes landed: the deployment ended in success, the lock is gone, 🚀 is on the comment', async () => {
  const models = world.gh.state.repo('acme', 'models')!;
  const [deployment] = [...models.deployments.values()];
  const states = (models.deploymentStatuses.get(deployment!.id as number) ?? []).map((s) => s.state);
  assert.deepEqual(states, ['in_progress', 'success']);
  assert.equal(await models.git.git(['for-each-ref', 'refs/modelship/']), '');
  const reactions = [...models.reactions.values()].flat().map((r) => r.content);
  assert.ok(reactions.includes('rocket'), reactions.join(', '));
});
