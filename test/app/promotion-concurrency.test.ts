import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODELS, OPS, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';
import { checkConsistency } from '../support/promotion-consistency.js';

// Issue #15, item 8 (slow, ~10 s): twenty /promote and /rollback comments at once, to two
// environments, through a round-robin load balancer in front of two app replicas. Every command is
// either applied (in some order) or refused with a reply; no update is lost; the ops repository's
// history, the deployments and the stage tags tell the same story.
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];

const CONFIG = `version: 1
environments:
  staging:
    targets:
      - { file: apps/fraud/staging/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }
  production:
    targets:
      - { file: apps/fraud/production/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }
`;

before(async () => {
  world = await startPromotionApp({ replicas: 2, opsConfig: CONFIG });
});
after(() => world.close());

test('20 commands at once across two replicas and two environments end serial and consistent', async () => {
  const versions = ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.4.0'];
  for (const v of versions) await world.registerVersion(v);
  const bodies = Array.from({ length: 20 }, (_, i) => {
    const environment = i % 2 === 0 ? 'staging' : 'production';
    return i % 5 === 4
      ? `/rollback ${environment}`
      : `/promote ${versions[i % versions.length]} to ${environment}`;
  });
  const comments = await Promise.all(bodies.map((body) => world.comment('alice', body)));
  await world.settled();

  // Both replicas took deliveries, and each comment was handled exactly once.
  const served = world.dependencies.map(
    (d, i) => world.logs.filter((l) => l.includes(`"replica":${i}`) && l.includes('comment command')).length,
  );
  assert.ok(
    served.every((n) => n > 0),
    `deliveries per replica: ${served}`,
  );
  const models = world.gh.state.repo(owner, repo)!;
  for (const comment of comments) {
    const mine = (models.reactions.get(comment.id) ?? []).map((r) => r.content as string);
    assert.equal(mine.filter((c) => c === 'eyes').length, 1);
    assert.equal(
      mine.filter((c) => c === 'rocket' || c === '-1').length,
      1,
      `one ending for ${comment.html_url}: ${mine}`,
    );
  }
  // One answer per command; a command delivered twice may add one "already handled" notice.
  const replies = world.replies();
  const answers = replies.filter((r) => !/delivered again/.test(r));
  assert.equal(answers.length, 20, `one answer per command:\n${answers.join('\n---\n')}`);
  for (const comment of comments)
    assert.equal(
      answers.filter((r) => r.includes(`reply-to ${comment.id} `)).length,
      1,
      `one answer to ${comment.id}`,
    );
  for (const reply of answers) assert.match(reply, /Promoted|Rolled back|already runs|not done|👎/);

  const applied = await checkConsistency(world.gh, MODELS, OPS, ['staging', 'production']);
  assert.ok(applied >= 2, `at least one promotion per environment applied (${applied})`);
});
