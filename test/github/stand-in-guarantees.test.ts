import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient } from '../../platform/github/client.js';
import { CallLog } from '../support/github/call-log.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// The stand-in's own promises: what a client sees matches what happened, limits bite, and it keeps
// up with many clients at once.
let gh: GitHubStandIn;
const repo = { owner: 'acme', repo: 'models' };
const client = (token: string, retries = 0) =>
  createGitHubClient({ token, baseUrl: gh.url, retries, pacing: false });
const failure = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  )) as { status: number; message: string; response: { headers: Record<string, string> } };

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models');
});
after(() => gh.close());

describe('GitHub stand-in guarantees', () => {
  test('a response that breaks the schema leaves no change behind (a retry cannot duplicate it)', async () => {
    const installationId = gh.installApp('acme', ['acme/models']);
    const tokensBefore = gh.state.tokens.size;
    gh.faults.add({ kind: 'break-response', operationId: 'apps/create-installation-access-token' });
    const auth = createAppAuth({
      appId: gh.app.id,
      privateKey: gh.app.privateKey,
      request: new Octokit({ baseUrl: gh.url }).request,
    });
    const refused = await failure(auth({ type: 'installation', installationId }));
    assert.equal(refused.status, 500);
    assert.equal(gh.state.tokens.size, tokensBefore, 'no token was issued');
    assert.equal(gh.responseProblems.length, 1);
    gh.responseProblems.length = 0;
  });

  test('the primary rate limit: the budget runs out, calls are refused until the reset, /rate_limit tells the truth', async () => {
    const token = gh.createToken('acme');
    gh.rateLimits.set(`token ${token}`, { limit: 3, used: 0 });
    const octokit = client(token);
    const first = await octokit.rest.repos.get(repo);
    assert.equal(first.headers['x-ratelimit-remaining'], '2');
    await octokit.rest.repos.get(repo);
    const limits = await octokit.rest.rateLimit.get();
    assert.deepEqual([limits.data.rate.limit, limits.data.rate.remaining, limits.data.rate.used], [3, 1, 2]);
    await octokit.rest.repos.get(repo);
    const refused = await failure(octokit.rest.repos.get(repo));
    assert.equal(refused.status, 403);
    assert.match(refused.message, /API rate limit exceeded/);
    assert.equal(refused.response.headers['x-ratelimit-remaining'], '0');
    assert.ok(Number(refused.response.headers['x-ratelimit-reset']) > Date.now() / 1000);
    // A new window begins at the reset time.
    gh.rateLimits.set(`token ${token}`, { reset: Math.floor(Date.now() / 1000) - 1 });
    assert.equal((await octokit.rest.repos.get(repo)).status, 200);
  });

  test('faults come after authentication: a bad token is 401 and the fault stays queued', async () => {
    gh.faults.add({ kind: 'status', status: 502, operationId: 'repos/get' });
    assert.equal((await failure(client('ghp_not-a-token').rest.repos.get(repo))).status, 401);
    assert.equal((await failure(client(gh.createToken('acme')).rest.repos.get(repo))).status, 502);
  });

  test('the call log keeps the most recent calls only', () => {
    const log = new CallLog(10);
    for (let i = 0; i < 35; i++)
      log.record({
        method: 'GET',
        path: `/${i}`,
        operationId: undefined,
        route: undefined,
        params: {},
        query: {},
        body: undefined,
        status: 200,
        at: i,
      });
    assert.ok(log.length <= 20 && log.length >= 10);
    assert.equal(log.at(-1)!.path, '/34');
    assert.ok(Array.isArray(log.filter(() => true)));
  });

  test('twenty clients at once: a quick call is answered while git work is in flight', async () => {
    const token = gh.createToken('acme');
    const done: string[] = [];
    // One client each: a single Octokit queues its own requests (ten at a time) before they leave.
    const trees = Array.from({ length: 20 }, (_, i) =>
      client(token)
        .rest.git.createTree({
          ...repo,
          tree: Array.from({ length: 25 }, (_, j) => ({
            path: `dir${i}/file${j}.txt`,
            mode: '100644' as const,
            type: 'blob' as const,
            content: `client ${i} file ${j}\n`,
          })),
        })
        .then(() => done.push('tree')),
    );
    await new Promise((ok) => setTimeout(ok, 50));
    const quick = client(token)
      .rest.rateLimit.get()
      .then(() => done.push('quick'));
    await Promise.all([...trees, quick]);
    // Blocking git calls would answer the quick call only after every earlier tree.
    assert.ok(done.indexOf('quick') < 10, `answered after ${done.indexOf('quick')} of 20 trees`);
  });
});
