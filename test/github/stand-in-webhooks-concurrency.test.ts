import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// Events are the difference between a repository's state before and after a request's commit():
// requests that overlap on one repository must still each send only the events of their own change,
// or an app sees one comment twice (the promotion app's concurrency test did: two deliveries, two
// GUIDs, one comment).
let gh: GitHubStandIn;
let api: GitHubClient;
const repo = { owner: 'acme', repo: 'models' };
const COMMENTS = 40;

before(async () => {
  gh = await startGitHubStandIn({ webhookUrl: 'http://127.0.0.1:9/unused', webhookTimeoutMs: 2000 });
  await gh.createRepo('acme/models', { files: { 'deploy/values.yaml': 'image: v1\n' } });
  gh.installApp('acme', ['acme/models']);
  gh.setPermission('acme/models', 'alice', 'write');
  api = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(() => gh.close());

const mutation = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } } }`;

test('overlapping writes on one repository send each change exactly once', async () => {
  const number = await gh.createPullRequest('acme/models', 'bump', { 'deploy/values.yaml': 'image: v2\n' });
  const { data: main } = await api.rest.git.getRef({ ...repo, ref: 'heads/main' });
  const head = main.object.sha;
  const { data: target } = await api.rest.issues.createComment({ ...repo, issue_number: number, body: 'x' });
  // Branches for createCommitOnBranch, made before the race (their own pushes are not counted).
  const commitBranches = Array.from({ length: 5 }, (_, i) => `commit-${i}`);
  for (const branch of commitBranches)
    await api.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: head });
  await gh.webhooksSettled();
  const seen = gh.deliveries.length;

  const newBranches = Array.from({ length: 10 }, (_, i) => `race-${i}`);
  const [comments, , , commits] = await Promise.all([
    Promise.all(
      Array.from({ length: COMMENTS }, (_, i) =>
        api.rest.issues.createComment({ ...repo, issue_number: number, body: `comment ${i}` }),
      ),
    ),
    Promise.all(
      (['+1', 'heart', 'rocket', 'eyes', 'hooray'] as const).map((content) =>
        api.rest.reactions.createForIssueComment({ ...repo, comment_id: target.id, content }),
      ),
    ),
    Promise.all(
      newBranches.map((branch) =>
        api.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: head }),
      ),
    ),
    Promise.all(
      commitBranches.map((branch, i) =>
        api.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(mutation, {
          input: {
            branch: { repositoryNameWithOwner: 'acme/models', branchName: branch },
            message: { headline: `commit ${i}` },
            fileChanges: {
              additions: [{ path: `f${i}.txt`, contents: Buffer.from(`${i}`).toString('base64') }],
            },
            expectedHeadOid: head,
          },
        }),
      ),
    ),
  ]);
  await gh.webhooksSettled();
  const sent = gh.deliveries.slice(seen);

  const created = sent.filter((d) => d.event === 'issue_comment' && d.action === 'created');
  const count = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const perComment = count(created.map((d) => String((d.payload.comment as { id: number }).id)));
  assert.deepEqual(
    [...perComment].filter(([, n]) => n !== 1),
    [],
    'no comment is delivered twice',
  );
  assert.deepEqual(
    [...perComment.keys()].sort(),
    comments.map((c) => String(c.data.id)).sort(),
    'every comment is delivered',
  );
  // One push per ref change, with the change's own before and after.
  const pushes = sent.filter((d) => d.event === 'push');
  assert.deepEqual(
    [...count(pushes.map((d) => String(d.payload.ref)))].sort(),
    [...newBranches, ...commitBranches].map((b) => [`refs/heads/${b}`, 1]).sort(),
  );
  for (const [i, branch] of commitBranches.entries()) {
    const push = pushes.find((d) => d.payload.ref === `refs/heads/${branch}`)!;
    assert.equal(push.payload.before, head);
    assert.equal(push.payload.after, commits[i]!.createCommitOnBranch.commit.oid);
  }
  assert.equal(sent.filter((d) => d.event === 'create').length, newBranches.length);
  assert.equal(
    sent.length,
    COMMENTS + 2 * newBranches.length + commitBranches.length,
    'nothing else is sent',
  );
});

test("one person's racing reactions of one kind: one is created (201), the others get it back (200)", async () => {
  const number = await gh.createPullRequest('acme/models', 'react', { 'deploy/values.yaml': 'image: v3\n' });
  const { data: target } = await api.rest.issues.createComment({ ...repo, issue_number: number, body: 'y' });
  const raced = await Promise.all(
    Array.from({ length: 12 }, () =>
      api.rest.reactions.createForIssueComment({ ...repo, comment_id: target.id, content: 'eyes' }),
    ),
  );
  assert.equal(raced.filter((r) => r.status === 201).length, 1);
  assert.equal(new Set(raced.map((r) => r.data.id)).size, 1);
  const onIssue = await Promise.all(
    Array.from({ length: 12 }, () =>
      api.rest.reactions.createForIssue({ ...repo, issue_number: number, content: 'rocket' }),
    ),
  );
  assert.equal(onIssue.filter((r) => r.status === 201).length, 1);
  const { data: stored } = await api.rest.reactions.listForIssueComment({ ...repo, comment_id: target.id });
  assert.equal(stored.filter((r) => r.content === 'eyes').length, 1);
});
