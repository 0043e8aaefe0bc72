import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { MODELS, startPromotionApp, type PromotionAppWorld } from '../support/promotion-app.js';

// Deliveries as GitHub sends them: comments written through the stand-in's API by people with real
// roles, delivered signed to the app's server, the app answering through the API as a GitHub App.
let world: PromotionAppWorld;
const [owner, repo] = MODELS.split('/') as [string, string];

before(async () => {
  world = await startPromotionApp();
});
after(() => world.close());

const reactionsOn = (commentId: number) =>
  (world.gh.state.repo(owner, repo)!.reactions.get(commentId) ?? []).map(
    (r) => `${(r.user as { login: string }).login}:${r.content as string}`,
  );
const deliveryOf = (commentId: number) =>
  world.gh.deliveries.find(
    (d) => d.event === 'issue_comment' && (d.payload.comment as { id: number }).id === commentId,
  )!;

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(world.apps[0]!.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return response.status;
}

describe('deliveries', () => {
  test('/help is answered in the thread: 👀 on receipt, the reply, 🚀; the webhook answered at once', async () => {
    const comment = await world.comment('bob', '/help');
    await world.settled();
    const reply = world.replies().at(-1)!;
    assert.match(reply, /\/promote VERSION/);
    assert.match(reply, /`production`.*after `staging`.*protected.*maintain\+/);
    assert.deepEqual(reactionsOn(comment.id).sort(), ['modelship[bot]:eyes', 'modelship[bot]:rocket']);
    // Acknowledged before the work: the answer came before the reply was written (the work took
    // longer than the answer). The 100 ms target itself is measured by bench/app.ts.
    const delivery = deliveryOf(comment.id);
    assert.equal(delivery.statusCode, 200);
    const answered = Date.parse(delivery.deliveredAt) + delivery.duration * 1000;
    // The reply goes out with 🚀 in one GraphQL request (or by REST when that fails).
    const replied = world.gh.calls.findLast(
      (c) =>
        (c.operationId === 'issues/create-comment' &&
          c.status === 201 &&
          c.body !== undefined &&
          !String((c.body as { body?: string }).body).startsWith('/')) ||
        (c.operationId === 'graphql' && c.graphql?.fields?.includes('addComment') === true),
    )!.at;
    assert.ok(answered < replied, `answered at ${answered}, replied at ${replied}`);
    assert.ok(delivery.duration < 1, `acknowledged in ${delivery.duration} s`);
  });

  test('a forged or missing signature is answered 400, runs nothing and logs no payload', async () => {
    const comment = await world.comment('bob', '/help please, secret-marker-in-body');
    await world.settled();
    const real = deliveryOf(comment.id);
    const callsBefore = world.gh.calls.length;
    const repliesBefore = world.replies().length;
    const forged = real.body.replace('/help please', '/promote v9.9.9 to production');
    const forgedSignature = `sha256=${createHmac('sha256', 'not-the-secret').update(forged).digest('hex')}`;
    const headers = {
      'x-github-event': 'issue_comment',
      'x-github-delivery': 'forged-delivery-1',
    };
    assert.equal(await post(forged, { ...headers, 'x-hub-signature-256': forgedSignature }), 400);
    assert.equal(await post(forged, headers), 400);
    // The real body with a signature of other bytes: still refused.
    assert.equal(
      await post(real.body, {
        ...headers,
        'x-hub-signature-256': real.requestHeaders['x-hub-signature-256']!.replace(/.$/, '0'),
      }),
      400,
    );
    await world.settled();
    assert.equal(world.gh.calls.length, callsBefore, 'no API call after a forged delivery');
    assert.equal(world.replies().length, repliesBefore);
    assert.ok(!world.logs.some((l) => l.includes('secret-marker-in-body')), 'the payload is not logged');
    assert.ok(
      world.logs.some((l) => /signature/i.test(l)),
      'the refusal itself is logged',
    );
  });

  test('a redelivered comment is not run again; the second handling says so, once', async () => {
    const comment = await world.comment('bob', '/help');
    await world.settled();
    const first = deliveryOf(comment.id);
    const replies = world.replies().length;
    const calls = world.gh.calls.length;
    await world.gh.redeliver(first.id);
    await world.settled();
    assert.equal(world.replies().length, replies + 1);
    assert.match(world.replies().at(-1)!, /delivered again .* already handled: nothing more was done/);
    await world.gh.redeliver(first.id);
    await world.settled();
    assert.equal(world.replies().length, replies + 1, 'a third delivery stays silent');
    // Each redelivery: the 👀 claim (answered 200: taken), the 😕 notice claim; only the first replies.
    const writes = world.gh.calls
      .slice(calls)
      .filter((c) => c.method === 'POST' && c.path !== '/graphql' && !c.operationId?.startsWith('apps/'));
    assert.deepEqual(
      writes.map((c) =>
        `${c.operationId} ${c.status} ${(c.body as { content?: string } | undefined)?.content ?? ''}`.trim(),
      ),
      [
        'reactions/create-for-issue-comment 200 eyes',
        'reactions/create-for-issue-comment 201 confused',
        'issues/create-comment 201',
        'reactions/create-for-issue-comment 200 eyes',
        'reactions/create-for-issue-comment 200 confused',
      ],
    );
  });

  test('bots, issues, edits and other tools’ commands are ignored without a call', async () => {
    const calls = world.gh.calls.length;
    const replies = world.replies().length;
    const { data: issue } = await world
      .person('bob')
      .rest.issues.create({ owner, repo, title: 'a question' });
    await world.comment('bob', '/help', issue.number);
    const workflow = world.gh.createWorkflowToken(MODELS);
    const { createGitHubClient } = await import('../../platform/github/client.js');
    await createGitHubClient({
      token: workflow,
      baseUrl: world.gh.url,
      pacing: false,
    }).rest.issues.createComment({
      owner,
      repo,
      issue_number: world.pullRequest,
      body: '/promote v1.0.0 to staging',
    });
    const mine = await world.comment('bob', 'looks good');
    await world.person('bob').rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: '/help' });
    await world.comment('bob', '/lgtm');
    await world.settled();
    const appCalls = world.gh.calls
      .slice(calls)
      .filter(
        (c) =>
          c.operationId?.startsWith('reactions/') ||
          c.operationId === 'apps/create-installation-access-token',
      );
    assert.deepEqual(
      appCalls.map((c) => c.operationId),
      [],
    );
    assert.equal(world.replies().length, replies);
    assert.deepEqual(world.replies(issue.number), []);
    assert.ok(world.gh.deliveries.slice(-5).every((d) => d.statusCode === 200));
  });

  test('a role below the policy is refused politely, naming the rule', async () => {
    const comment = await world.comment('carol', '/promote v1.0.0 to staging');
    await world.settled();
    assert.match(
      world.replies().at(-1)!,
      /Only people with write, maintain or admin may promote to staging \(you have read\)/,
    );
    assert.ok(reactionsOn(comment.id).includes('modelship[bot]:-1'));
  });

  test('a pull request from a fork is refused', async () => {
    const pulls = world.gh.state.repo(owner, repo)!.pulls;
    const pull = pulls.get(world.pullRequest)! as { head: { repo: Record<string, unknown> } };
    const own = pull.head.repo;
    // The stand-in has no forks: the head is made another owner's repository, as GitHub reports a fork's.
    pull.head.repo = { ...own, full_name: 'mallory/models', fork: true };
    try {
      await world.comment('alice', '/promote v1.0.0 to staging');
      await world.settled();
      assert.match(world.replies().at(-1)!, /not taken from pull requests opened from forks/);
    } finally {
      pull.head.repo = own;
    }
  });
});
