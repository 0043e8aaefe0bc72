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

  test('twenty clients at once: every one answered, and exactly one wins a race for the same branch', async () => {
    const token = gh.createToken('acme');
    const owner = client(token);
    const { data: main } = await owner.rest.git.getRef({ ...repo, ref: 'heads/main' });
    const base = main.object.sha;
    // One client each: a single Octokit queues its own requests (ten at a time) before they leave.
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const octokit = client(token);
        const { data: tree } = await octokit.rest.git.createTree({
          ...repo,
          tree: Array.from({ length: 25 }, (_, j) => ({
            path: `dir${i}/file${j}.txt`,
            mode: '100644' as const,
            type: 'blob' as const,
            content: `client ${i} file ${j}\n`,
          })),
        });
        const { data: commit } = await octokit.rest.git.createCommit({
          ...repo,
          message: `client ${i}`,
          tree: tree.sha,
          parents: [base],
        });
        const moved = await octokit.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.sha }).then(
          () => 'won',
          (e: { status: number }) => e.status,
        );
        return { commit: commit.sha, moved };
      }),
    );
    const winners = results.filter((r) => r.moved === 'won');
    assert.equal(winners.length, 1, 'a compare-and-swap lets exactly one fast-forward through');
    assert.deepEqual(
      results.filter((r) => r.moved !== 'won').map((r) => r.moved),
      Array(19).fill(422),
    );
    assert.equal(await gh.state.repo('acme', 'models')!.git.refSha('refs/heads/main'), winners[0]!.commit);
  });

  test('the server never blocks on a child process: git runs asynchronously', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = new URL('../support/github/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const source = await readFile(new URL(file, root), 'utf8');
      assert.doesNotMatch(source, /\b(execFileSync|execSync|spawnSync)\b/, `${file} blocks the event loop`);
    }
  });
});

test("the stand-in's README lists exactly the operations it implements", async () => {
  const { readFile } = await import('node:fs/promises');
  const { SUPPORTED_OPERATIONS } = await import('../support/github/server.js');
  const readme = await readFile(new URL('../support/github/README.md', import.meta.url), 'utf8');
  const listed = readme
    .slice(readme.indexOf('## Operations'))
    .split('\n')
    .slice(1)
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  assert.deepEqual(listed, SUPPORTED_OPERATIONS);
});
