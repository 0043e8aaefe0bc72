import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
const repo = { owner: 'acme', repo: 'pulls' };

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/pulls', { files: { 'README.md': '# pulls\n', 'app.txt': 'one\ntwo\nthree\n' } });
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(async () => {
  await gh.close();
});

const failure = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: { status: number; response: { data: { message: string; errors?: unknown[] } } }) => e,
  )) as { status: number; response: { data: { message: string; errors?: unknown[] } } };

/** Commits `files` on `branch` through the contents API (creating the branch from main first when asked). */
async function write(branch: string, path: string, content: string, create = false) {
  if (create) {
    const main = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  }
  const current = await octokit.rest.repos
    .getContent({ ...repo, path, ref: branch })
    .then((r) => (r.data as { sha: string }).sha)
    .catch(() => undefined);
  const { data } = await octokit.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch,
    message: `${path} on ${branch}`,
    content: Buffer.from(content).toString('base64'),
    ...(current ? { sha: current } : {}),
  });
  return data.commit.sha!;
}

const fileOn = async (ref: string, path: string) =>
  Buffer.from(
    ((await octokit.rest.repos.getContent({ ...repo, path, ref })).data as { content: string }).content,
    'base64',
  ).toString('utf8');

describe('stand-in pull requests', () => {
  test('a merge is a three-way merge: a hotfix made on main since the branch is kept', async () => {
    await write('feature', 'model.txt', 'v2\n', true);
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'New model',
      head: 'feature',
      base: 'main',
    });
    assert.equal(pr.data.mergeable, null, 'GitHub answers null until it has computed mergeability');
    const hotfix = await write('main', 'hotfix.txt', 'fixed\n');
    const merged = await octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number });
    assert.equal(await fileOn('main', 'hotfix.txt'), 'fixed\n', 'the hotfix on main survives the merge');
    assert.equal(await fileOn('main', 'model.txt'), 'v2\n');
    const commit = await octokit.rest.git.getCommit({ ...repo, commit_sha: merged.data.sha });
    assert.deepEqual(
      commit.data.parents.map((p) => p.sha),
      [hotfix, pr.data.head.sha],
    );
    assert.equal(commit.data.message, `Merge pull request #${pr.data.number} from acme/feature\n\nNew model`);
    const after = await octokit.rest.pulls.get({ ...repo, pull_number: pr.data.number });
    assert.equal(after.data.state, 'closed');
    assert.equal(after.data.merged, true);
    assert.equal(after.data.merge_commit_sha, merged.data.sha);
    assert.equal(after.data.merged_by?.login, 'acme');
    assert.ok(after.data.merged_at);
  });

  test('squash gives one parent; rebase replays each commit onto the base', async () => {
    await write('squashy', 'a.txt', 'a\n', true);
    await write('squashy', 'b.txt', 'b\n');
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'Squash me',
      head: 'squashy',
      base: 'main',
    });
    const base = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const squashed = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: pr.data.number,
      merge_method: 'squash',
      commit_title: 'Add a and b',
    });
    const commit = await octokit.rest.git.getCommit({ ...repo, commit_sha: squashed.data.sha });
    assert.deepEqual(
      commit.data.parents.map((p) => p.sha),
      [base],
    );
    assert.match(commit.data.message, /^Add a and b\n\n\* a\.txt on squashy\n\n\* b\.txt on squashy$/);

    await write('rebased', 'c.txt', 'c\n', true);
    await write('rebased', 'd.txt', 'd\n');
    await write('main', 'e.txt', 'e\n');
    const pr2 = await octokit.rest.pulls.create({
      ...repo,
      title: 'Rebase me',
      head: 'rebased',
      base: 'main',
    });
    const main = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const rebased = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: pr2.data.number,
      merge_method: 'rebase',
    });
    const top = await octokit.rest.git.getCommit({ ...repo, commit_sha: rebased.data.sha });
    assert.equal(top.data.message, 'd.txt on rebased');
    assert.equal(top.data.parents.length, 1);
    const below = await octokit.rest.git.getCommit({ ...repo, commit_sha: top.data.parents[0]!.sha });
    assert.equal(below.data.message, 'c.txt on rebased');
    assert.deepEqual(
      below.data.parents.map((p) => p.sha),
      [main],
    );
    assert.equal(await fileOn('main', 'e.txt'), 'e\n');
    assert.equal(await fileOn('main', 'c.txt'), 'c\n');
  });

  test('a conflict is 405 and mergeable false, dirty; a moved head is 409', async () => {
    await write('clash', 'app.txt', 'one\nTWO (branch)\nthree\n', true);
    await write('main', 'app.txt', 'one\nTWO (main)\nthree\n');
    const pr = await octokit.rest.pulls.create({ ...repo, title: 'Clash', head: 'acme:clash', base: 'main' });
    const got = await octokit.rest.pulls.get({ ...repo, pull_number: pr.data.number });
    assert.equal(got.data.mergeable, false);
    assert.equal(got.data.mergeable_state, 'dirty');
    const before = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    for (const merge_method of ['merge', 'squash', 'rebase'] as const) {
      const error = await failure(
        octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number, merge_method }),
      );
      assert.equal(error.status, 405, merge_method);
    }
    assert.equal((await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha, before);

    await write('moving', 'm.txt', 'm\n', true);
    const pr2 = await octokit.rest.pulls.create({ ...repo, title: 'Moving', head: 'moving', base: 'main' });
    const first = pr2.data.head.sha;
    const pushed = await write('moving', 'm.txt', 'm2\n');
    const seen = await octokit.rest.pulls.get({ ...repo, pull_number: pr2.data.number });
    assert.equal(seen.data.head.sha, pushed, 'head.sha follows the branch');
    assert.equal(seen.data.mergeable, true);
    const stale = await failure(
      octokit.rest.pulls.merge({ ...repo, pull_number: pr2.data.number, sha: first }),
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.response.data.message, 'Head branch was modified. Review and try the merge again.');
  });

  test('create refuses duplicates, empty pull requests and missing branches as GitHub does', async () => {
    await write('dupe', 'x.txt', 'x\n', true);
    await octokit.rest.pulls.create({ ...repo, title: 'First', head: 'dupe', base: 'main' });
    const dup = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'Again', head: 'dupe', base: 'main' }),
    );
    assert.equal(dup.status, 422);
    assert.deepEqual(dup.response.data.errors, [
      { resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:dupe.' },
    ]);
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/empty',
      sha: (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha,
    });
    const empty = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'Empty', head: 'empty', base: 'main' }),
    );
    assert.deepEqual(empty.response.data.errors, [
      { resource: 'PullRequest', code: 'custom', message: 'No commits between main and empty' },
    ]);
    const noHead = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'x', head: 'nope', base: 'main' }),
    );
    assert.deepEqual(noHead.response.data.errors, [
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
    const noBase = await failure(
      octokit.rest.pulls.create({ ...repo, title: 'x', head: 'dupe', base: 'nope' }),
    );
    assert.deepEqual(noBase.response.data.errors, [
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
    ]);
  });

  test('update, list filters, commits and files', async () => {
    await write('listed', 'l.txt', 'l\n', true);
    await write('listed', 'l2.txt', 'l2\n');
    const pr = await octokit.rest.pulls.create({ ...repo, title: 'Listed', head: 'listed', base: 'main' });
    const byHead = await octokit.rest.pulls.list({ ...repo, head: 'acme:listed' });
    assert.deepEqual(
      byHead.data.map((p) => p.number),
      [pr.data.number],
    );
    assert.equal((await octokit.rest.pulls.list({ ...repo, head: 'acme:nothing' })).data.length, 0);
    assert.equal((await octokit.rest.pulls.list({ ...repo, base: 'other' })).data.length, 0);
    const commits = await octokit.rest.pulls.listCommits({ ...repo, pull_number: pr.data.number });
    assert.deepEqual(
      commits.data.map((c) => c.commit.message),
      ['l.txt on listed', 'l2.txt on listed'],
    );
    const files = await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr.data.number });
    assert.deepEqual(
      files.data.map((f) => [f.filename, f.status, f.additions]),
      [
        ['l.txt', 'added', 1],
        ['l2.txt', 'added', 1],
      ],
    );
    const updated = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.data.number,
      title: 'Renamed',
      state: 'closed',
    });
    assert.equal(updated.data.title, 'Renamed');
    assert.equal(updated.data.state, 'closed');
    assert.ok(updated.data.closed_at);
    const closed = await octokit.rest.pulls.list({ ...repo, state: 'closed', head: 'acme:listed' });
    assert.deepEqual(
      closed.data.map((p) => p.title),
      ['Renamed'],
    );
  });
});
