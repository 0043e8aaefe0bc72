import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODELS, OPS, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';
import { checkConsistency } from '../support/promotion-consistency.js';

// Issue #15, item 9 (slow, ~10 s): one GitHub call in ten fails (502, secondary rate limit with
// retry-after, connection reset). Every command still ends in a reply and 🚀 or 👎; no ops commit
// is left without its deployment's final status, no stage tag without its ops commit.
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];

const CONFIG = `version: 1
default-environment: staging
environments:
  staging:
    targets:
      - { file: apps/fraud/staging/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }
  production:
    after: staging
    targets:
      - { file: apps/fraud/production/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }
`;

before(async () => {
  world = await startPromotionApp({ opsConfig: CONFIG });
});
after(() => world.close());

test('with 10% of GitHub calls failing, every command completes or fails cleanly with a reply', async () => {
  for (const v of ['v2.0.0', 'v2.1.0', 'v2.2.0']) await world.registerVersion(v);
  world.gh.faults.randomly({ rate: 0.1, seed: 15 });
  const bodies = [
    '/promote v2.0.0',
    '/promote v2.0.0 to production',
    '/promote v2.1.0 to staging',
    '/status',
    '/promote v2.1.0 to production',
    '/rollback production',
    '/promote v2.2.0',
    '/help',
    '/promote v2.2.0 to production',
    '/rollback staging',
  ];
  const comments = [];
  // One after another (the faults are what is tested here, not the races), as people would type them.
  for (const body of bodies) {
    comments.push(await world.comment('alice', body).catch(() => undefined));
    await world.settled();
  }
  world.gh.faults.randomly(undefined);
  const failed = world.gh.calls.filter((c) => c.status >= 500 || c.status === 403 || c.status === -1).length;
  assert.ok(failed > 5, `faults were injected (${failed} failed calls)`);

  const models = world.gh.state.repo(owner, repo)!;
  const posted = comments.filter((c) => c !== undefined);
  for (const comment of posted) {
    const mine = (models.reactions.get(comment.id) ?? []).map((r) => r.content as string);
    assert.ok(mine.includes('rocket') || mine.includes('-1'), `${comment.html_url} ended (${mine})`);
  }
  const replies = world.replies();
  assert.ok(replies.length >= posted.length, `a reply per command (${replies.length} for ${posted.length})`);
  await checkConsistency(world.gh, MODELS, OPS, ['staging', 'production']);
});
