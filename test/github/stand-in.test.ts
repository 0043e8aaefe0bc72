import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
const OWNER = 'acme';
const REPO = 'models';
const repo = { owner: OWNER, repo: REPO };
let head: string;

before(async () => {
  gh = await startGitHubStandIn();
  head = (
    await gh.createRepo(`${OWNER}/${REPO}`, {
      files: { 'README.md': '# models\n', 'deploy/values.yaml': 'image: v1\n' },
    })
  ).headSha;
  octokit = createGitHubClient({ token: gh.createToken(OWNER), baseUrl: gh.url, retries: 2, pacing: false });
});
after(async () => {
  await gh.close();
});
const status = async (promise: Promise<unknown>) =>
  ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;

describe('GitHub stand-in', () => {
  test('repositories, permissions and visibility', async () => {
    const { data } = await octokit.rest.repos.get(repo);
    assert.equal(data.full_name, 'acme/models');
    assert.equal(data.default_branch, 'main');
    gh.setPermission('acme/models', 'mlops-bot', 'maintain');
    const perm = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'mlops-bot' });
    assert.deepEqual([perm.data.permission, perm.data.role_name], ['write', 'maintain']);
    assert.equal(await status(octokit.rest.repos.get({ owner: 'acme', repo: 'nope' })), 404);
    const scoped = createGitHubClient({
      token: gh.createToken('someone', ['acme/other']),
      baseUrl: gh.url,
      retries: 0,
    });
    assert.equal(
      await status(scoped.rest.repos.get(repo)),
      404,
      'a repository outside the token scope is invisible',
    );
    const bad = createGitHubClient({ token: 'ghp_wrong', baseUrl: gh.url, retries: 0, pacing: false });
    assert.equal(await status(bad.rest.repos.get(repo)), 401);
  });

  test('git data goes through real git: blobs, trees, commits, refs, annotated tags', async () => {
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'image: v2\n', encoding: 'utf-8' });
    const base = await octokit.rest.git.getCommit({ ...repo, commit_sha: head });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base.data.tree.sha,
      tree: [{ path: 'deploy/values.yaml', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'Promote v2\n\nModelship-Version: v2',
      tree: tree.data.sha,
      parents: [head],
    });
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha });
    const dir = gh.state.repo(OWNER, REPO)!.git.dir;
    assert.equal(execFileSync('git', ['-C', dir, 'rev-parse', 'main']).toString().trim(), commit.data.sha);
    assert.equal(
      execFileSync('git', ['-C', dir, 'show', 'main:deploy/values.yaml']).toString(),
      'image: v2\n',
    );
    // Non-fast-forward updates are refused unless forced.
    const side = await octokit.rest.git.createCommit({
      ...repo,
      message: 'side',
      tree: tree.data.sha,
      parents: [head],
    });
    assert.equal(
      await status(octokit.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: side.data.sha })),
      422,
    );
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha, force: true });
    // Tags: annotated objects and refs, with `#` in the name (GTO's stage tags).
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'churn#prod#1',
      message: 'Promote churn v2',
      object: commit.data.sha,
      type: 'commit',
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn#prod#1', sha: tag.data.sha });
    assert.equal(
      await status(octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn#prod#1', sha: tag.data.sha })),
      422,
    );
    const ref = await octokit.rest.git.getRef({ ...repo, ref: 'tags/churn#prod#1' });
    assert.deepEqual([ref.data.object.type, ref.data.object.sha], ['tag', tag.data.sha]);
    assert.equal(execFileSync('git', ['-C', dir, 'cat-file', '-t', 'churn#prod#1']).toString().trim(), 'tag');
    const matching = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/churn' });
    assert.deepEqual(
      matching.data.map((r) => r.ref),
      ['refs/tags/churn#prod#1'],
    );
    const clone = mkdtempSync(join(tmpdir(), 'modelship-clone-'));
    try {
      execFileSync('git', ['clone', '--quiet', dir, clone]);
      assert.equal(readFileSync(join(clone, 'deploy/values.yaml'), 'utf8'), 'image: v2\n');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
    await octokit.rest.git.deleteRef({ ...repo, ref: 'tags/churn#prod#1' });
    assert.equal(await status(octokit.rest.git.getRef({ ...repo, ref: 'tags/churn#prod#1' })), 404);
  });

  test('contents: get and put with sha preconditions', async () => {
    const file = await octokit.rest.repos.getContent({ ...repo, path: 'README.md' });
    assert.ok(!Array.isArray(file.data) && file.data.type === 'file');
    const sha = (file.data as { sha: string }).sha;
    const content = Buffer.from('# models v2\n').toString('base64');
    assert.equal(
      await status(
        octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'README.md', message: 'x', content }),
      ),
      422,
      'an update needs the sha',
    );
    assert.equal(
      await status(
        octokit.rest.repos.createOrUpdateFileContents({
          ...repo,
          path: 'README.md',
          message: 'x',
          content,
          sha: '0'.repeat(40),
        }),
      ),
      409,
    );
    const put = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'README.md',
      message: 'Update README',
      content,
      sha,
    });
    assert.equal(put.status, 200);
    const raw = await octokit.rest.repos.getContent({
      ...repo,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    assert.equal(String(raw.data), '# models v2\n');
    const dir = await octokit.rest.repos.getContent({ ...repo, path: 'deploy' });
    assert.ok(Array.isArray(dir.data) && dir.data[0]!.name === 'values.yaml');
  });

  test('releases and assets on the uploads host', async () => {
    const release = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'churn@v1.0.0',
      name: 'churn v1.0.0',
      body: 'model card',
    });
    assert.equal(await status(octokit.rest.repos.createRelease({ ...repo, tag_name: 'churn@v1.0.0' })), 422);
    const asset = await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.data.id,
      name: 'model.onnx',
      data: 'ONNX-BYTES' as unknown as string,
      baseUrl: gh.uploadsUrl,
      headers: { 'content-type': 'application/octet-stream' },
    });
    assert.equal(asset.data.size, 10);
    const download = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...repo,
      asset_id: asset.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    assert.equal(Buffer.from(download.data as unknown as ArrayBuffer).toString(), 'ONNX-BYTES');
    const byTag = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'churn@v1.0.0' });
    assert.deepEqual(
      byTag.data.assets.map((a) => a.name),
      ['model.onnx'],
    );
    assert.equal((await octokit.rest.repos.getLatestRelease(repo)).data.id, release.data.id);
    await octokit.rest.repos.updateRelease({ ...repo, release_id: release.data.id, body: 'model card v2' });
    assert.equal(
      (await octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id })).data.body,
      'model card v2',
    );
    assert.ok(gh.state.repo(OWNER, REPO)!.git.refSha('refs/tags/churn@v1.0.0'), 'publishing created the tag');
    await octokit.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.data.id });
    await octokit.rest.repos.deleteRelease({ ...repo, release_id: release.data.id });
    assert.equal(await status(octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id })), 404);
  });

  test('check runs: create, update, list for a ref; schema rejects a bad conclusion; limits enforced', async () => {
    // Check runs are written by GitHub Apps only: a workflow's GITHUB_TOKEN is one, a person's token is not.
    assert.equal(await status(octokit.rest.checks.create({ ...repo, name: 'x', head_sha: head })), 403);
    const app = createGitHubClient({
      token: gh.createWorkflowToken('acme/models'),
      baseUrl: gh.url,
      retries: 2,
      pacing: false,
    });
    const run = await app.rest.checks.create({
      ...repo,
      name: 'Modelship drift',
      head_sha: head,
      status: 'in_progress',
    });
    assert.equal(run.data.status, 'in_progress');
    const done = await app.rest.checks.update({
      ...repo,
      check_run_id: run.data.id,
      conclusion: 'neutral',
      output: { title: 't', summary: 's' },
    });
    assert.deepEqual(
      [done.data.status, done.data.conclusion, done.data.output.title],
      ['completed', 'neutral', 't'],
    );
    const listed = await app.rest.checks.listForRef({
      ...repo,
      ref: head,
      check_name: 'Modelship drift',
    });
    assert.equal(listed.data.total_count, 1);
    const bad = (await app.rest.checks
      .create({ ...repo, name: 'x', head_sha: head, conclusion: 'drifted' as 'success' })
      .catch((e: { status: number; response: { data: { message: string } } }) => e)) as {
      status: number;
      response: { data: { message: string } };
    };
    assert.equal(bad.status, 422);
    assert.match(bad.response.data.message, /^Invalid request\.\n\n.*conclusion/s);
    const tooLong = { title: 't', summary: 'x'.repeat(65_536) };
    assert.equal(
      await status(app.rest.checks.create({ ...repo, name: 'x', head_sha: head, output: tooLong })),
      422,
    );
    // Both requests broke the schema on purpose: recorded, so an accidental one fails the test at close().
    assert.equal(gh.requestProblems.length, 2);
    gh.requestProblems.length = 0;
  });

  test('comments with Link pagination, reactions, pull requests and merging', async () => {
    const number = await gh.createPullRequest('acme/models', 'promote-v2', {
      'deploy/values.yaml': 'image: v3\n',
    });
    for (let i = 0; i < 5; i++)
      await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: `comment ${i}` });
    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: number, per_page: 2 });
    assert.match(first.headers.link!, /rel="next"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 2,
    });
    assert.deepEqual(
      all.map((c) => c.body),
      ['comment 0', 'comment 1', 'comment 2', 'comment 3', 'comment 4'],
    );
    const reaction = await octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: all[0]!.id,
      content: 'rocket',
    });
    assert.equal(reaction.status, 201);
    assert.equal(
      (
        await octokit.rest.reactions.createForIssueComment({
          ...repo,
          comment_id: all[0]!.id,
          content: 'rocket',
        })
      ).status,
      200,
    );
    await octokit.rest.issues.updateComment({ ...repo, comment_id: all[1]!.id, body: 'edited' });
    assert.equal(
      (await octokit.rest.issues.getComment({ ...repo, comment_id: all[1]!.id })).data.body,
      'edited',
    );
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: all[2]!.id });
    assert.equal(await status(octokit.rest.issues.getComment({ ...repo, comment_id: all[2]!.id })), 404);
    const pull = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    assert.equal(pull.data.head.ref, 'promote-v2');
    assert.equal((await octokit.rest.pulls.list(repo)).data.length, 1);
    const merged = await octokit.rest.pulls.merge({ ...repo, pull_number: number });
    assert.equal(merged.data.merged, true);
    assert.equal(await status(octokit.rest.pulls.merge({ ...repo, pull_number: number })), 405);
    const dir = gh.state.repo(OWNER, REPO)!.git.dir;
    assert.equal(
      execFileSync('git', ['-C', dir, 'show', 'main:deploy/values.yaml']).toString(),
      'image: v3\n',
    );
  });

  test('deployments, statuses, repository dispatch and rate limits', async () => {
    const deployment = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    });
    assert.equal(deployment.status, 201);
    const id = (deployment.data as { id: number }).id;
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'success' });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id });
    assert.deepEqual(
      statuses.data.map((s) => s.state),
      ['success'],
    );
    assert.equal(
      (await octokit.rest.repos.listDeployments({ ...repo, environment: 'production' })).data.length,
      1,
    );
    await octokit.rest.repos.createDispatchEvent({
      ...repo,
      event_type: 'model-promoted',
      client_payload: { version: 'v2' },
    });
    assert.deepEqual(gh.state.repo(OWNER, REPO)!.dispatches, [
      { event_type: 'model-promoted', client_payload: { version: 'v2' } },
    ]);
    const limits = await octokit.rest.rateLimit.get();
    assert.equal(limits.data.rate.limit, 5000);
    assert.ok(Number(limits.headers['x-ratelimit-remaining']) < 5000);
  });

  test('GitHub App: JWT to installation token, scoped to the installation', async () => {
    await gh.createRepo('acme/ops');
    const installationId = gh.installApp('acme', ['acme/ops']);
    const appOctokit = new Octokit({
      baseUrl: gh.url,
      authStrategy: createAppAuth,
      auth: { appId: gh.app.id, privateKey: gh.app.privateKey, installationId },
    });
    const ops = await appOctokit.rest.repos.get({ owner: 'acme', repo: 'ops' });
    assert.equal(ops.data.full_name, 'acme/ops');
    assert.equal(await status(appOctokit.rest.repos.get(repo)), 404, 'not installed there');
    assert.ok(
      gh.calls.some((c) => c.operationId === 'apps/create-installation-access-token' && c.status === 201),
    );
  });

  test('faults: 5xx, resets and secondary rate limits are retried by the client; calls are recorded', async () => {
    gh.faults.add({ kind: 'status', status: 502, times: 2, operationId: 'repos/get' });
    const before = gh.calls.length;
    assert.equal((await octokit.rest.repos.get(repo)).status, 200);
    assert.deepEqual(
      gh.calls.slice(before).map((c) => c.status),
      [502, 502, 200],
    );
    gh.faults.add({ kind: 'secondary-rate-limit', retryAfter: 0, operationId: 'repos/get' });
    assert.equal((await octokit.rest.repos.get(repo)).status, 200);
    gh.faults.add({ kind: 'reset', operationId: 'repos/get' });
    assert.equal((await octokit.rest.repos.get(repo)).status, 200);
    const noRetry = createGitHubClient({
      token: gh.createToken(OWNER),
      baseUrl: gh.url,
      retries: 0,
      pacing: false,
    });
    gh.faults.add({ kind: 'status', status: 503, operationId: 'repos/get' });
    assert.equal(await status(noRetry.rest.repos.get(repo)), 503);
    assert.deepEqual(gh.responseProblems, [], "every response matched GitHub's schema");
  });
});
