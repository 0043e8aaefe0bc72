import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { isUserError } from '../../../core/errors.js';
import type { LockClaim } from '../../../jobs/ports/environment-locks.js';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { githubEnvironmentLocks } from '../../../platform/github/environment-locks.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

const run = promisify(execFile);
let gh: GitHubStandIn;
let octokit: GitHubClient;
let head: string;
before(async () => {
  gh = await startGitHubStandIn();
  head = (await gh.createRepo('acme/models', { files: { 'README.md': 'models\n' } })).headSha;
  gh.setPermission('acme/models', 'alice', 'write');
  octokit = createGitHubClient({ token: gh.createToken('alice'), baseUrl: gh.url, pacing: false });
});
after(() => gh.close());

const repo = { owner: 'acme', repo: 'models' };
const git = (...args: string[]) =>
  run('git', ['--git-dir', gh.state.repo('acme', 'models')!.git.dir, ...args]).then((r) => r.stdout.trim());
/** The claims below are made at 23:00; "now" is a minute later, well within a write lock's 10 minutes. */
const soon = () => new Date('2026-11-29T23:01:00Z');
const locks = (options: { now?: () => Date } = {}) =>
  githubEnvironmentLocks(octokit, { ...repo, now: soon, ...options });
const claim = (environment: string, login: string, overrides: Partial<LockClaim> = {}): LockClaim => ({
  environment,
  owner: { login, pullRequest: 7 },
  reason: 'promoting fraud v5.0.0',
  sticky: false,
  claimId: `acme/models#comment-1:${environment}:${login}`,
  at: '2026-11-29T23:00:00.123Z',
  link: 'https://github.com/acme/models/pull/7#issuecomment-1',
  ...overrides,
});
/** Operation ids of the calls made by `work`. */
async function callsOf<T>(work: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const start = gh.calls.length;
  const result = await work();
  return { result, calls: gh.calls.slice(start).map((c) => `${c.operationId} ${c.status}`) };
}

test('a claim is one commit and the ref: a parentless commit on the empty tree, the lock in its message', async () => {
  const { result, calls } = await callsOf(() => locks().claim(claim('staging', 'alice')));
  assert.equal(result.status, 'claimed');
  assert.deepEqual(calls, ['git/create-commit 201', 'git/create-ref 201']);
  if (result.status !== 'claimed') return;
  assert.equal(await git('rev-parse', 'refs/modelship/locks/staging'), result.lock.sha);
  assert.equal(await git('rev-list', '--count', result.lock.sha), '1');
  assert.equal(
    await git('rev-parse', `${result.lock.sha}^{tree}`),
    '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  );
  const message = await git('log', '-1', '--format=%B', result.lock.sha);
  assert.match(
    message,
    /^Lock staging while promoting\n\nRelease it with \/unlock staging --force, or delete refs\/modelship\/locks\/staging\.\n\n\{\n/,
  );
  const file = JSON.parse(message.slice(message.indexOf('{')));
  assert.deepEqual(file, {
    schema: 'modelship/lock@1',
    environment: 'staging',
    owner: 'alice',
    pull_request: 7,
    reason: 'promoting fraud v5.0.0',
    sticky: false,
    claim_id: 'acme/models#comment-1:staging:alice',
    created_at: '2026-11-29T23:00:00Z',
    expires_at: '2026-11-29T23:10:00Z',
    link: 'https://github.com/acme/models/pull/7#issuecomment-1',
  });
  assert.equal(
    await git('log', '-1', '--format=%an <%ae> %aI|%cn %cI', result.lock.sha),
    'Modelship <modelship@users.noreply.github.com> 2026-11-29T23:00:00+00:00|Modelship 2026-11-29T23:00:00+00:00',
  );
  // Nothing else moved: no branch, no tag.
  assert.equal(
    await git('for-each-ref', '--format=%(refname)', 'refs/heads/', 'refs/tags/'),
    'refs/heads/main',
  );
  const state = await callsOf(() => locks().read('staging'));
  assert.deepEqual(state.calls, ['git/get-ref 200', 'git/get-commit 200']);
  assert.deepEqual(state.result, { state: 'locked', lock: result.lock });
  await locks().release('staging', { lock: result.lock });
});

test('the same claim again makes the same commit and finds the lock its own', async () => {
  const first = await locks().claim(claim('qa', 'alice'));
  const { result: again, calls } = await callsOf(() => locks().claim(claim('qa', 'alice')));
  assert.equal(first.status, 'claimed');
  assert.equal(again.status, 'held-by-us');
  assert.deepEqual(calls, ['git/create-commit 201', 'git/create-ref 422', 'git/get-ref 200']);
  if (first.status !== 'claimed' || again.status !== 'held-by-us') return;
  assert.equal(again.sameClaim, true);
  assert.equal(again.lock.sha, first.lock.sha);
  const released = await callsOf(() => locks().release('qa', { lock: again.lock }));
  assert.deepEqual(released.calls, ['git/get-ref 200', 'git/delete-ref 204']);
  assert.deepEqual(released.result, { released: true });
  assert.equal(await git('for-each-ref', 'refs/modelship/'), '');
});

test('the write lock a run just claimed is released by delete-ref alone; near its expiry it is read first', async () => {
  const fresh = await locks().claim(claim('preview', 'alice'));
  assert.equal(fresh.status, 'claimed');
  if (fresh.status !== 'claimed') return;
  const quick = await callsOf(() => locks().release('preview', { claimed: fresh.lock }));
  assert.deepEqual(quick.calls, ['git/delete-ref 204']);
  assert.deepEqual(quick.result, { released: true });
  assert.equal(await git('for-each-ref', 'refs/modelship/'), '');
  // Less than a minute left (23:09:30 against 23:10): it could be taken over soon, so it is checked.
  const late = () => new Date('2026-11-29T23:09:30Z');
  const again = await locks().claim(claim('preview', 'alice'));
  if (again.status !== 'claimed') return assert.fail(again.status);
  const checked = await callsOf(() => locks({ now: late }).release('preview', { claimed: again.lock }));
  assert.deepEqual(checked.calls, ['git/get-ref 200', 'git/delete-ref 204']);
  // Past its expiry and taken over by someone else: left in place.
  const later = () => new Date('2026-11-29T23:30:00Z');
  const stale = await locks().claim(claim('preview', 'alice'));
  if (stale.status !== 'claimed') return assert.fail(stale.status);
  const bob = await locks({ now: later }).claim(
    claim('preview', 'bob', { claimId: 'bob-1', at: '2026-11-29T23:29:00Z' }),
  );
  assert.equal(bob.status, 'claimed');
  assert.deepEqual((await locks({ now: later }).release('preview', { claimed: stale.lock })).released, false);
  await locks().release('preview', { force: true });
});

test('another owner is refused with the lock; a sticky lock lets its owner through, a write lock does not', async () => {
  const sticky = await locks().claim(
    claim('production', 'alice', { sticky: true, reason: 'incident 42', claimId: 'sticky-1' }),
  );
  assert.equal(sticky.status, 'claimed');
  const bob = await locks().claim(claim('production', 'bob'));
  assert.equal(bob.status, 'held-by-other');
  if (bob.status === 'held-by-other') {
    assert.equal(bob.lock.owner.login, 'alice');
    assert.equal(bob.lock.reason, 'incident 42');
    assert.equal(bob.lock.sticky, true);
  }
  const mine = await locks().claim(claim('production', 'Alice', { claimId: 'write-2' }));
  assert.equal(mine.status, 'held-by-us');
  if (mine.status === 'held-by-us') assert.equal(mine.sameClaim, false);
  // Her promotion does not release her sticky lock: the lock it holds is not its claim.
  if (mine.status === 'held-by-us' && sticky.status === 'claimed') {
    const wrong = await locks().release('production', { lock: { sha: 'f'.repeat(40), claimId: 'write-2' } });
    assert.deepEqual(wrong.released, false);
  }
  assert.deepEqual((await locks().release('production', { owner: 'bob' })).released, false);
  assert.deepEqual((await locks().release('production', { owner: 'ALICE' })).released, true);

  // A write lock (a promotion in progress) blocks the same owner's other promotion.
  assert.equal((await locks().claim(claim('production', 'alice', { claimId: 'w1' }))).status, 'claimed');
  assert.equal(
    (await locks().claim(claim('production', 'alice', { claimId: 'w2' }))).status,
    'held-by-other',
  );
  assert.deepEqual((await locks().release('production', { pullRequest: 8 })).released, false);
  assert.deepEqual((await locks().release('production', { pullRequest: 7 })).released, true);
  assert.deepEqual(await locks().release('production', { force: true }), {
    released: false,
    why: 'not-locked',
  });
});

test('ten concurrent claims on one environment: exactly one wins', async () => {
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      locks().claim(claim('race', `user${i}`, { claimId: `claim-${i}`, at: `2026-11-29T23:00:0${i}Z` })),
    ),
  );
  const winners = results.filter((r) => r.status === 'claimed');
  assert.equal(winners.length, 1);
  assert.equal(results.filter((r) => r.status === 'held-by-other').length, 9);
  const winner = winners[0]!;
  if (winner.status !== 'claimed') return;
  assert.equal(await git('rev-parse', 'refs/modelship/locks/race'), winner.lock.sha);
  for (const r of results) if (r.status === 'held-by-other') assert.equal(r.lock.sha, winner.lock.sha);
  await locks().release('race', { force: true });
});

test('a ref without a readable lock blocks every claim until forced away', async () => {
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/modelship/locks/broken', sha: head });
  const result = await locks().claim(claim('broken', 'alice'));
  assert.equal(result.status, 'unreadable');
  if (result.status === 'unreadable') {
    assert.equal(result.sha, head);
    assert.match(result.detail, /holds no lock/);
  }
  assert.equal((await locks().read('broken')).state, 'unreadable');
  assert.deepEqual((await locks().release('broken', { owner: 'alice' })).released, false);
  assert.deepEqual(await locks().release('broken', { force: true }), { released: true });

  // A lock commit whose message's JSON is not a lock.
  const { data: bad } = await octokit.rest.git.createCommit({
    ...repo,
    message: 'Lock broken\n\n{\n  "schema": "modelship/lock@1"\n}\n',
    tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    parents: [],
  });
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/modelship/locks/broken', sha: bad.sha });
  const badState = await locks().read('broken');
  assert.equal(badState.state, 'unreadable');
  if (badState.state === 'unreadable') assert.match(badState.detail, /the lock commit: environment/);
  await locks().release('broken', { force: true });

  // Locks of the first format (lock.json in the commit's tree): not JSON, and JSON that is not a lock.
  for (const [content, detail] of [
    ['{', /not JSON/],
    ['{"schema":"modelship/lock@1"}', /lock\.json: environment/],
  ] as const) {
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      tree: [{ path: 'lock.json', mode: '100644', type: 'blob', content }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      ...repo,
      message: 'x',
      tree: tree.sha,
      parents: [],
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/modelship/locks/broken', sha: commit.sha });
    const state = await locks().claim(claim('broken', 'alice'));
    assert.equal(state.status, 'unreadable');
    if (state.status === 'unreadable') assert.match(state.detail, detail);
    await locks().release('broken', { force: true });
  }
});

test('a lock of the first format (lock.json in its tree) is still read as the lock it is', async () => {
  const lock = {
    schema: 'modelship/lock@1',
    environment: 'legacy',
    owner: 'bob',
    pull_request: 3,
    reason: 'incident 7',
    sticky: true,
    claim_id: 'old-1',
    created_at: '2026-11-29T22:00:00Z',
    expires_at: null,
    link: null,
  };
  const { data: tree } = await octokit.rest.git.createTree({
    ...repo,
    tree: [{ path: 'lock.json', mode: '100644', type: 'blob', content: JSON.stringify(lock, null, 2) }],
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message:
      'Lock legacy\n\nRelease it with /unlock legacy --force, or delete refs/modelship/locks/legacy.\n',
    tree: tree.sha,
    parents: [],
  });
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/modelship/locks/legacy', sha: commit.sha });
  const { result, calls } = await callsOf(() => locks().read('legacy'));
  assert.deepEqual(calls, ['git/get-ref 200', 'git/get-commit 200', 'repos/get-content 200']);
  assert.equal(result.state, 'locked');
  if (result.state === 'locked')
    assert.deepEqual([result.lock.owner.login, result.lock.sticky], ['bob', true]);
  assert.equal((await locks().claim(claim('legacy', 'alice'))).status, 'held-by-other');
  await locks().release('legacy', { force: true });
});

test('an expired write lock is taken over by a fast-forward; of two takeovers one wins', async () => {
  const stale = await locks().claim(claim('canary', 'alice', { claimId: 'stale' }));
  assert.equal(stale.status, 'claimed');
  if (stale.status !== 'claimed') return;
  const later = () => new Date('2026-11-29T23:30:00Z');
  const [a, b] = await Promise.all([
    locks({ now: later }).claim(claim('canary', 'bob', { claimId: 'b1', at: '2026-11-29T23:29:00Z' })),
    locks({ now: later }).claim(claim('canary', 'carol', { claimId: 'c1', at: '2026-11-29T23:29:00Z' })),
  ]);
  assert.deepEqual([a.status, b.status].sort(), ['claimed', 'held-by-other']);
  const won = a.status === 'claimed' ? a : b;
  if (won.status !== 'claimed') return;
  assert.equal(await git('rev-parse', `${won.lock.sha}^`), stale.lock.sha);
  assert.equal(await git('rev-parse', 'refs/modelship/locks/canary'), won.lock.sha);
  // The stale holder's late release no longer removes the new lock.
  assert.deepEqual((await locks().release('canary', { lock: stale.lock })).released, false);
  // A sticky lock never expires.
  await locks().release('canary', { force: true });
  assert.equal(
    (await locks().claim(claim('canary', 'alice', { sticky: true, claimId: 's' }))).status,
    'claimed',
  );
  assert.equal(
    (
      await locks({ now: () => new Date('2027-01-01T00:00:00Z') }).claim(
        claim('canary', 'bob', { claimId: 'b2' }),
      )
    ).status,
    'held-by-other',
  );
  await locks().release('canary', { force: true });
});

test('list reads every lock', async () => {
  await locks().claim(claim('one', 'alice', { claimId: 'l1' }));
  await locks().claim(claim('two', 'bob', { claimId: 'l2', sticky: true }));
  const all = await locks().list();
  assert.deepEqual(
    all.map((s) => (s.state === 'locked' ? `${s.lock.environment}:${s.lock.owner.login}` : s.state)).sort(),
    ['one:alice', 'two:bob'],
  );
  await locks().release('one', { force: true });
  await locks().release('two', { force: true });
});

test('an environment name git cannot take as a ref is a config error, before any call', async () => {
  for (const name of ['prod.lock', 'a..b', 'x.', '-x']) {
    const { result, calls } = await callsOf(() =>
      locks()
        .claim(claim(name, 'alice'))
        .catch((e: unknown) => e),
    );
    assert.ok(isUserError(result), name);
    assert.deepEqual(calls, []);
  }
});

test('an installation without contents: write reads locks but is told which permission a claim needs', async () => {
  const installationId = gh.installApp('acme', ['acme/models'], { contents: 'read', metadata: 'read' });
  const auth = createAppAuth({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    request: new Octokit({ baseUrl: gh.url }).request,
  });
  const { token } = await auth({ type: 'installation', installationId });
  const app = createGitHubClient({ token, baseUrl: gh.url, pacing: false, retries: 0 });
  const readOnly = githubEnvironmentLocks(app, { ...repo, now: soon });
  assert.deepEqual(await readOnly.read('staging'), { state: 'free', environment: 'staging' });
  const error = await readOnly.claim(claim('staging', 'alice')).catch((e: unknown) => e);
  assert.ok(isUserError(error));
  assert.match((error as Error).message, /needs the "contents: write" permission/);

  const writer = gh.installApp('acme', ['acme/models'], { contents: 'write', metadata: 'read' });
  const { token: writeToken } = await auth({ type: 'installation', installationId: writer });
  const locksByApp = githubEnvironmentLocks(
    createGitHubClient({ token: writeToken, baseUrl: gh.url, pacing: false }),
    { ...repo, now: soon },
  );
  const result = await locksByApp.claim(claim('staging', 'alice'));
  assert.equal(result.status, 'claimed');
  if (result.status === 'claimed')
    assert.deepEqual(await locksByApp.release('staging', { lock: result.lock }), { released: true });
});

test('transient failures on every step of a claim and a release end in one lock, then none', async () => {
  gh.faults.add({ kind: 'reset', operationId: 'git/create-commit' });
  gh.faults.add({ kind: 'secondary-rate-limit', retryAfter: 0, operationId: 'git/create-ref' });
  gh.faults.add({ kind: 'status', status: 503, operationId: 'git/delete-ref' });
  const result = await locks().claim(claim('faulty', 'alice', { claimId: 'f1' }));
  assert.equal(result.status, 'claimed');
  if (result.status !== 'claimed') return;
  assert.equal(await git('rev-parse', 'refs/modelship/locks/faulty'), result.lock.sha);
  assert.deepEqual(await locks().release('faulty', { lock: result.lock }), { released: true });
  assert.equal(await git('for-each-ref', 'refs/modelship/locks/faulty'), '');
});
