import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODELS, OPS, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';
import { registerReleaseVersion, uploadAsset } from '../support/register-release-version.js';

// Issue #15, item 4: "its artifact digest matches the registry's record". A version whose record
// keeps its artifact as a release asset is promoted only while the asset GitHub serves has the
// sha256 and size the record names; /rollback checks it too. (~20 s)
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];
const [opsOwner, opsName] = OPS.split('/') as [string, string];

before(async () => {
  world = await startPromotionApp();
});
after(() => world.close());

const models = () => world.gh.state.repo(owner, repo)!;
const opsHead = () => world.gh.state.repo(opsOwner, opsName)!.git.refSha('refs/heads/main');

async function command(body: string) {
  const start = world.gh.calls.length;
  await world.comment('alice', body);
  await world.settled();
  return {
    reply: world.replies().at(-1)!,
    calls: world.gh.calls.slice(start).map((c) => c.operationId ?? c.path),
  };
}

/** Replaces the release's model.onnx by other bytes under the same name (what an attacker would do). */
async function swapAsset(registered: Awaited<ReturnType<typeof registerReleaseVersion>>) {
  const { workflow, releaseId } = registered;
  const { data: assets } = await workflow.rest.repos.listReleaseAssets({
    owner,
    repo,
    release_id: releaseId,
  });
  const asset = assets.find((a) => a.name === 'model.onnx')!;
  await workflow.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
  await uploadAsset(workflow, world, releaseId, 'model.onnx', 'NOT THE REGISTERED MODEL');
}

test('matching release assets pass; a swapped asset refuses /promote and /rollback, naming both digests', async () => {
  const v100 = await registerReleaseVersion(world, 'v1.0.0');
  await registerReleaseVersion(world, 'v1.1.0');

  const first = await command('/promote v1.0.0 to staging');
  assert.match(first.reply, /v1\.0\.0/);
  assert.ok(first.calls.includes('repos/get-release-by-tag'), first.calls.join(', '));
  assert.doesNotMatch(first.reply, /does not match/);
  assert.match(
    await world.gh.state.repo(opsOwner, opsName)!.git.git(['show', 'main:apps/fraud/staging/values.yaml']),
    /tag: v1\.0\.0/,
  );
  await command('/promote v1.1.0 to staging');

  await swapAsset(v100);
  const deploymentsBefore = models().deployments.size;
  const head = await opsHead();
  const rollback = await command('/rollback staging');
  assert.match(
    rollback.reply,
    /model\.onnx of the release fraud\\?@\u200b?v1\.0\.0 does not match the registry's record/,
  );
  assert.match(rollback.reply, /sha256:[0-9a-f]{64} \(24 bytes\).*sha256:[0-9a-f]{64} \(17 bytes\)/s);
  assert.equal(models().deployments.size, deploymentsBefore, 'no deployment for a refused rollback');
  assert.equal(await opsHead(), head, 'the ops repository is unchanged');

  const v120 = await registerReleaseVersion(world, 'v1.2.0');
  await swapAsset(v120);
  const promote = await command('/promote v1.2.0 to staging');
  assert.match(promote.reply, /model\.onnx of the release fraud\\?@\u200b?v1\.2\.0 does not match/);
  assert.equal(models().deployments.size, deploymentsBefore);
  assert.equal(await opsHead(), head);
  assert.equal(await models().git.git(['for-each-ref', 'refs/modelship/']), '', 'no lock left behind');
});
