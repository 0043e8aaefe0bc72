import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
let head: string;
const repo = { owner: 'acme', repo: 'gitdata' };

before(async () => {
  gh = await startGitHubStandIn();
  head = (await gh.createRepo('acme/gitdata')).headSha;
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 2, pacing: false });
});
after(async () => {
  await gh.close();
});

const status = async (promise: Promise<unknown>) =>
  ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;

describe('stand-in git data', () => {
  test('invalid ref names are 422 (not a 500 that clients retry)', async () => {
    const before = gh.calls.length;
    for (const ref of ['refs/heads/a..b', 'refs/heads/x.lock', 'refs/heads/sp ace', 'heads/short', 'refs/x'])
      assert.equal(await status(octokit.rest.git.createRef({ ...repo, ref, sha: head })), 422, ref);
    assert.equal(gh.calls.length - before, 5, 'each refused once, none retried');
    assert.equal(gh.responseProblems.length, 0);
    const made = await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/ok/nested', sha: head });
    assert.equal(made.data.ref, 'refs/heads/ok/nested');
    assert.equal(
      await status(octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/ok/nested', sha: head })),
      422,
    );
    assert.equal((await octokit.rest.git.getRef({ ...repo, ref: 'heads/ok/nested' })).data.object.sha, head);
    await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/ok/nested' });
    assert.equal(await status(octokit.rest.git.getRef({ ...repo, ref: 'heads/ok/nested' })), 404);
  });

  test('annotated tags keep the tagger date; bad tag names and dates are 422', async () => {
    const tagger = { name: 'Release Bot', email: 'bot@example.com', date: '2021-03-04T05:06:07Z' };
    const made = await octokit.rest.git.createTag({
      ...repo,
      tag: 'v1.0.0',
      message: 'first',
      object: head,
      type: 'commit',
      tagger,
    });
    assert.equal(made.data.tagger.date, '2021-03-04T05:06:07Z');
    const got = await octokit.rest.git.getTag({ ...repo, tag_sha: made.data.sha });
    assert.deepEqual(got.data.tagger, tagger);
    const shifted = await octokit.rest.git.createTag({
      ...repo,
      tag: 'v1.0.1',
      message: 'offset',
      object: head,
      type: 'commit',
      tagger: { ...tagger, date: '2021-03-04T05:06:07+02:00' },
    });
    assert.equal(shifted.data.tagger.date, '2021-03-04T03:06:07Z');
    for (const bad of [
      { tag: 'v1..0', tagger },
      { tag: 'v2', tagger: { ...tagger, date: 'yesterday' } },
    ])
      assert.equal(
        await status(
          octokit.rest.git.createTag({ ...repo, message: 'x', object: head, type: 'commit', ...bad }),
        ),
        422,
        bad.tag,
      );
    // GitHub's own schema refuses the unreadable date (422); the stand-in records it as a bad request.
    assert.deepEqual(gh.requestProblems.splice(0), [
      'git/create-tag: /tagger/date must match format "date-time"',
    ]);
  });
  test('get-tree recursive=1 lists a 2,000-file tree exactly as git does, unusual paths included', async () => {
    // One fast-import commit: the promotion engine lists an ops repository's files for globs this way.
    const files = Array.from({ length: 2000 }, (_, i) => `deploy/env-${i % 20}/svc-${i}/values.yaml`);
    files.push('naïve/é.yaml', 'with space/a"b.yaml');
    const git = gh.state.repo('acme', 'gitdata')!.git;
    await git.git(
      ['fast-import', '--quiet'],
      'commit refs/heads/big\ncommitter A <a@example.com> 1700000000 +0000\ndata 3\nbig\n' +
        files.map((f, i) => `M 100644 inline ${f}\ndata ${String(i).length + 1}\n${i}\n`).join(''),
    );
    const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: 'big', recursive: '1' });
    const fromGit = (await git.git(['ls-tree', '-r', '-t', '-z', '--name-only', 'big'])).split('\0');
    assert.equal(data.truncated, false);
    assert.deepEqual(
      data.tree.map((e) => e.path),
      fromGit.filter(Boolean),
    );
    assert.equal(data.tree.filter((e) => e.type === 'blob').length, 2002);
    const odd = data.tree.find((e) => e.path === 'naïve/é.yaml')!;
    assert.equal(await git.git(['cat-file', 'blob', odd.sha!]), '2000');
    assert.equal(odd.size, 5);
  });
});
