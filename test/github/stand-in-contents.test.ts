import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
const repo = { owner: 'acme', repo: 'contents' };

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/contents', { files: { 'README.md': '# contents\n' } });
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(async () => {
  await gh.close();
});

const failure = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: { status: number; response: { data: { message: string } } }) => e,
  )) as { status: number; response: { data: { message: string } } };

const put = (path: string, content: string | Buffer, extra: Record<string, string> = {}) =>
  octokit.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    message: `write ${path}`,
    content: Buffer.from(content).toString('base64'),
    ...extra,
  });

describe('stand-in contents', () => {
  test('a write to a missing branch is 404 and creates no branch', async () => {
    const error = await failure(put('a.txt', 'a\n', { branch: 'nowhere' }));
    assert.equal(error.status, 404);
    assert.equal(error.response.data.message, 'Branch nowhere not found');
    assert.equal((await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'heads/nowhere' })).data.length, 0);
    const main = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const readme = (await octokit.rest.repos.getContent({ ...repo, path: 'README.md' })).data as {
      sha: string;
    };
    const gone = await failure(
      octokit.rest.repos.deleteFile({
        ...repo,
        path: 'README.md',
        message: 'x',
        sha: readme.sha,
        branch: 'nowhere',
      }),
    );
    assert.equal(gone.status, 404);
    assert.equal((await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha, main);
  });

  test('delete-file removes the file in a new commit; a stale sha is 409', async () => {
    const made = await put('doomed.txt', 'bye\n');
    const stale = await failure(
      octokit.rest.repos.deleteFile({ ...repo, path: 'doomed.txt', message: 'rm', sha: 'f'.repeat(40) }),
    );
    assert.equal(stale.status, 409);
    const deleted = await octokit.rest.repos.deleteFile({
      ...repo,
      path: 'doomed.txt',
      message: 'rm doomed',
      sha: made.data.content!.sha!,
    });
    assert.equal(deleted.data.content, null);
    assert.equal(deleted.data.commit.message, 'rm doomed');
    assert.deepEqual(
      (deleted.data.commit.parents ?? []).map((p) => p.sha),
      [made.data.commit.sha],
    );
    assert.equal((await failure(octokit.rest.repos.getContent({ ...repo, path: 'doomed.txt' }))).status, 404);
    assert.equal(
      (
        await failure(
          octokit.rest.repos.deleteFile({ ...repo, path: 'doomed.txt', message: 'rm', sha: 'a'.repeat(40) }),
        )
      ).status,
      404,
    );
  });

  test('files over 1 MB come back without inline content; the raw media type gives the bytes', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'x');
    await put('big.bin', big);
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'big.bin' });
    const file = data as { content: string; encoding: string; size: number };
    assert.deepEqual([file.content, file.encoding, file.size], ['', 'none', big.length]);
    const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: 'big.bin',
      mediaType: { format: 'raw' },
    });
    assert.equal(Buffer.from(raw.data as unknown as ArrayBuffer).length, big.length);
    const small = (await octokit.rest.repos.getContent({ ...repo, path: 'README.md' })).data as {
      encoding: string;
    };
    assert.equal(small.encoding, 'base64');
  });
});
