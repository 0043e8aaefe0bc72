import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// What GitHub refuses, the stand-in refuses: the registry and the promotion app check permissions
// themselves, and their checks are only tested if a wrongly allowed call fails here as on GitHub.
let gh: GitHubStandIn;
let head: string;
const repo = { owner: 'acme', repo: 'models' };
const status = async (promise: Promise<unknown>) =>
  ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;
const client = (token: string) => createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });
/** A client with an installation token, asked for as an app does (optionally narrowed). */
async function appClient(installationId: number, narrowing: Record<string, unknown> = {}) {
  const auth = createAppAuth({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    request: new Octokit({ baseUrl: gh.url }).request,
  });
  const { token } = await auth({ type: 'installation', installationId, ...narrowing });
  return client(token);
}

before(async () => {
  gh = await startGitHubStandIn();
  head = (await gh.createRepo('acme/models')).headSha;
  await gh.createRepo('acme/secret', { private: true });
});
after(() => gh.close());

describe('authorization, as GitHub decides it', () => {
  test('someone who is not a collaborator reads a public repository but writes nothing to it', async () => {
    const stranger = client(gh.createToken('stranger'));
    assert.equal((await stranger.rest.repos.get(repo)).status, 200);
    assert.equal(await status(stranger.rest.git.createBlob({ ...repo, content: 'x' })), 404);
    assert.equal(await status(stranger.rest.repos.createRelease({ ...repo, tag_name: 'v1' })), 404);
    assert.equal(gh.state.repo('acme', 'models')!.releases.size, 0);
    // Anyone who can read may comment, as on GitHub; labels need triage.
    const issue = await gh.createPullRequest('acme/models', 'topic', { 'a.txt': 'a\n' });
    assert.equal(
      (await stranger.rest.issues.createComment({ ...repo, issue_number: issue, body: 'hi' })).status,
      201,
    );
  });

  test('the read role cannot move a branch; the write role can', async () => {
    gh.setPermission('acme/models', 'reader', 'read');
    gh.setPermission('acme/models', 'writer', 'write');
    const owner = client(gh.createToken('acme'));
    const { data: base } = await owner.rest.git.getCommit({ ...repo, commit_sha: head });
    const { data: commit } = await owner.rest.git.createCommit({
      ...repo,
      message: 'next',
      tree: base.tree.sha,
      parents: [head],
    });
    const update = { ...repo, ref: 'heads/main', sha: commit.sha };
    assert.equal(await status(client(gh.createToken('reader')).rest.git.updateRef(update)), 404);
    assert.equal(await gh.state.repo('acme', 'models')!.git.refSha('refs/heads/main'), head);
    assert.equal((await client(gh.createToken('writer')).rest.git.updateRef(update)).status, 200);
    head = commit.sha;
  });

  test('private repositories are invisible to tokens of people who are not collaborators, and to anonymous calls', async () => {
    const secret = { owner: 'acme', repo: 'secret' };
    assert.equal(await status(client(gh.createToken('stranger')).rest.repos.get(secret)), 404);
    assert.equal(await status(new Octokit({ baseUrl: gh.url }).rest.repos.get(secret)), 404);
    gh.setPermission('acme/secret', 'colleague', 'read');
    assert.equal((await client(gh.createToken('colleague')).rest.repos.get(secret)).status, 200);
    assert.equal((await client(gh.createToken('acme')).rest.repos.get(secret)).status, 200);
  });

  test("an installation token acts within the installation's permissions, narrowed on request", async () => {
    const readOnly = gh.installApp('acme', ['acme/models'], { contents: 'read', metadata: 'read' });
    const app = await appClient(readOnly);
    assert.equal((await app.rest.git.getRef({ ...repo, ref: 'heads/main' })).status, 200);
    const tag = { ...repo, ref: 'refs/tags/fraud@v1.0.0', sha: head };
    const refused = (await app.rest.git.createRef(tag).catch((e: unknown) => e)) as {
      status: number;
      message: string;
    };
    assert.equal(refused.status, 403);
    assert.match(refused.message, /Resource not accessible by integration/);
    assert.equal(await gh.state.repo('acme', 'models')!.git.refSha('refs/tags/fraud@v1.0.0'), undefined);
    assert.equal(await status(app.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })), 403);

    const full = gh.installApp('acme', ['acme/models', 'acme/secret']);
    // Narrowed to contents: read, the token cannot write what the installation could.
    const narrowed = await appClient(full, { permissions: { contents: 'read' } });
    assert.equal(await status(narrowed.rest.git.createRef(tag)), 403);
    // Narrowed to one repository, the other is not there.
    const oneRepo = await appClient(full, { repositoryNames: ['models'] });
    assert.equal((await oneRepo.rest.repos.get(repo)).status, 200);
    assert.equal(await status(oneRepo.rest.repos.get({ owner: 'acme', repo: 'secret' })), 404);
    // Asking for more than the installation has is refused.
    assert.equal(await status(appClient(readOnly, { permissions: { contents: 'write' } })), 422);
    assert.equal((await (await appClient(full)).rest.git.createRef(tag)).status, 201);
  });

  test('an app writes as its bot: comments, releases and deployments answer 201 with a Bot user', async () => {
    const app = await appClient(gh.installApp('acme', ['acme/models']));
    const number = await gh.createPullRequest('acme/models', 'bot-writes', { 'b.txt': 'b\n' });
    const comment = await app.rest.issues.createComment({ ...repo, issue_number: number, body: 'on it' });
    assert.equal(comment.status, 201);
    assert.deepEqual([comment.data.user?.login, comment.data.user?.type], ['modelship[bot]', 'Bot']);
    assert.equal(comment.data.user?.url, `${gh.url}/users/modelship%5Bbot%5D`);
    const release = await app.rest.repos.createRelease({ ...repo, tag_name: 'fraud@v9.0.0' });
    assert.equal(release.data.author.type, 'Bot');
    const deployment = await app.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
      auto_merge: false,
    });
    assert.equal(deployment.status, 201);
  });

  test('check runs are written by GitHub Apps and workflow tokens, not by people', async () => {
    const person = client(gh.createToken('acme'));
    assert.equal(await status(person.rest.checks.create({ ...repo, name: 'gate', head_sha: head })), 403);
    const workflow = client(gh.createWorkflowToken('acme/models'));
    assert.equal((await workflow.rest.checks.create({ ...repo, name: 'gate', head_sha: head })).status, 201);
    const readOnly = client(gh.createWorkflowToken('acme/models', { checks: 'read', metadata: 'read' }));
    assert.equal(await status(readOnly.rest.checks.create({ ...repo, name: 'gate', head_sha: head })), 403);
  });
});
