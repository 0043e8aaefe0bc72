import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODELS, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';

// The 👀 claim whose answer is lost: GitHub made the reaction, then the connection dropped. Asking
// again answers 200 ("already there"), which from a first attempt means another handler's claim —
// but here it is the app's own. The command must run, not be reported as "delivered again" and
// left undone. (~5 s)
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];

before(async () => {
  world = await startPromotionApp();
});
after(() => world.close());

test("a claim whose answer was lost is the app's own: the command runs once, without a duplicate notice", async () => {
  world.gh.faults.add({ kind: 'lose-response', operationId: 'reactions/create-for-issue-comment' });
  const comment = await world.comment('alice', '/status staging');
  await world.settled();

  const claims = world.gh.calls.filter(
    (c) =>
      c.operationId === 'reactions/create-for-issue-comment' &&
      (c.body as { content?: string }).content === 'eyes',
  );
  assert.deepEqual(
    claims.map((c) => c.status),
    [-1, 200],
    'the first answer was lost; asking again found the reaction',
  );
  const reactions = (world.gh.state.repo(owner, repo)!.reactions.get(comment.id) ?? []).map(
    (r) => r.content as string,
  );
  assert.deepEqual(reactions.sort(), ['eyes', 'rocket'], 'claimed once, finished, no 😕');
  const replies = world.replies();
  assert.equal(replies.length, 1, replies.join('\n---\n'));
  assert.doesNotMatch(replies[0]!, /delivered again/);
  assert.match(replies[0]!, /staging/);
});
