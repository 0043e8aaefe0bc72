import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// The issue's "done when": the calls the registry and the promotion app will make, in the order
// they make them, against one stand-in — with zero schema violations (close() checks) and the
// refusals GitHub would give.
let gh: GitHubStandIn;
let hooks: Server;
const received: { event: string; signature: string; body: string }[] = [];
const models = { owner: 'acme', repo: 'models' };
const ops = { owner: 'acme', repo: 'ops' };
const person = (login: string) =>
  createGitHubClient({ token: gh.createToken(login), baseUrl: gh.url, retries: 0, pacing: false });

async function installationClient(installationId: number): Promise<GitHubClient> {
  const auth = createAppAuth({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    request: new Octokit({ baseUrl: gh.url }).request,
  });
  const { token } = await auth({ type: 'installation', installationId });
  return createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });
}

before(async () => {
  hooks = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received.push({
        event: String(req.headers['x-github-event']),
        signature: String(req.headers['x-hub-signature-256']),
        body: Buffer.concat(parts).toString('utf8'),
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((ok) => hooks.listen(0, '127.0.0.1', ok));
  gh = await startGitHubStandIn({
    webhookUrl: `http://127.0.0.1:${(hooks.address() as { port: number }).port}/`,
  });
  await gh.createRepo('acme/models', { files: { 'model.onnx.dvc': 'md5: 1\n' } });
  await gh.createRepo('acme/ops', {
    files: { 'apps/fraud/staging/values.yaml': 'image:\n  tag: v1.0.0 # the model\n' },
  });
});
after(async () => {
  await gh.close();
  await new Promise<void>((ok) => hooks.close(() => ok()));
});

test('registry and promotion calls, end to end, as the app makes them', async () => {
  const installationId = gh.installApp('acme', ['acme/models', 'acme/ops'], {
    contents: 'write',
    issues: 'write',
    pull_requests: 'write',
    deployments: 'write',
    statuses: 'write',
    checks: 'read',
    actions: 'write',
    metadata: 'read',
  });
  const app = await installationClient(installationId);
  const workflow = createGitHubClient({
    token: gh.createWorkflowToken('acme/models'),
    baseUrl: gh.url,
    retries: 0,
    pacing: false,
  });
  const { data: main } = await app.rest.git.getRef({ ...models, ref: 'heads/main' });

  // Register: an annotated tag (tag object, then the ref), a release, assets up and down.
  const { data: tag } = await workflow.rest.git.createTag({
    ...models,
    tag: 'fraud@v1.0.0',
    message: 'fraud v1.0.0\n\n---\nversion: v1.0.0\n',
    object: main.object.sha,
    type: 'commit',
    tagger: { name: 'modelship', email: 'bot@example.com', date: '2026-11-01T10:00:00Z' },
  });
  assert.equal(tag.tagger.date, '2026-11-01T10:00:00Z');
  await workflow.rest.git.createRef({ ...models, ref: 'refs/tags/fraud@v1.0.0', sha: tag.sha });
  const { data: release } = await workflow.rest.repos.createRelease({ ...models, tag_name: 'fraud@v1.0.0' });
  const card = Buffer.from('{"metrics":{"roc_auc":0.91}}');
  const { data: asset } = await workflow.rest.repos.uploadReleaseAsset({
    ...models,
    release_id: release.id,
    name: 'model-card.json',
    data: card as unknown as string,
    headers: { 'content-type': 'application/json', 'content-length': card.length },
    baseUrl: gh.uploadsUrl,
  });
  assert.equal(asset.digest, `sha256:${createHash('sha256').update(card).digest('hex')}`);
  const download = await app.rest.repos.getReleaseAsset({
    ...models,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' },
  });
  assert.deepEqual(Buffer.from(download.data as unknown as ArrayBuffer), card);
  const { data: tags } = await app.rest.repos.listTags(models);
  assert.deepEqual(
    tags.map((t) => t.name),
    ['fraud@v1.0.0'],
  );
  // Gate verdicts as commit statuses; a dispatch to retrain.
  await workflow.rest.repos.createCommitStatus({
    ...models,
    sha: main.object.sha,
    state: 'success',
    context: 'Modelship gate',
  });
  assert.equal(
    (await app.rest.repos.getCombinedStatusForRef({ ...models, ref: 'main' })).data.state,
    'success',
  );
  await app.rest.repos.createDispatchEvent({ ...models, event_type: 'retrain' });

  // A maintainer comments `/promote` on a pull request: the app gets a signed delivery of the real comment.
  gh.setPermission('acme/models', 'maya', 'maintain');
  const pull = await gh.createPullRequest('acme/models', 'candidate', { 'notes.md': 'v1\n' });
  const { data: comment } = await person('maya').rest.issues.createComment({
    ...models,
    issue_number: pull,
    body: '/promote v1.0.0 to staging',
  });
  await gh.webhooksSettled();
  const delivery = received.find((r) => r.event === 'issue_comment');
  assert.ok(delivery, 'the comment was delivered');
  const expected = `sha256=${createHmac('sha256', gh.app.webhookSecret).update(delivery.body).digest('hex')}`;
  assert.equal(delivery.signature, expected);
  const payload = JSON.parse(delivery.body) as {
    comment: { id: number; author_association: string };
    installation: { id: number };
  };
  assert.deepEqual(
    [payload.comment.id, payload.comment.author_association, payload.installation.id],
    [comment.id, 'COLLABORATOR', installationId],
  );
  // The app reacts, asks the API for the commenter's role (not the payload's association) …
  await app.rest.reactions.createForIssueComment({ ...models, comment_id: comment.id, content: 'eyes' });
  const { data: role } = await app.rest.repos.getCollaboratorPermissionLevel({ ...models, username: 'maya' });
  assert.equal(role.role_name, 'maintain');

  // … changes one value in the ops repository through a pull request, merges it, records a deployment.
  const { data: file } = await app.rest.repos.getContent({ ...ops, path: 'apps/fraud/staging/values.yaml' });
  assert.ok(!Array.isArray(file) && file.type === 'file');
  const { data: opsMain } = await app.rest.git.getRef({ ...ops, ref: 'heads/main' });
  await app.rest.git.createRef({ ...ops, ref: 'refs/heads/promote-fraud-v1.0.0', sha: opsMain.object.sha });
  await app.rest.repos.createOrUpdateFileContents({
    ...ops,
    path: 'apps/fraud/staging/values.yaml',
    branch: 'promote-fraud-v1.0.0',
    message: 'Promote fraud v1.0.0 to staging',
    content: Buffer.from('image:\n  tag: v1.0.0 # the model\n  digest: sha256:1\n').toString('base64'),
    sha: file.sha,
  });
  const { data: opsPull } = await app.rest.pulls.create({
    ...ops,
    title: 'Promote fraud v1.0.0 to staging',
    head: 'promote-fraud-v1.0.0',
    base: 'main',
  });
  const merged = await app.rest.pulls.merge({ ...ops, pull_number: opsPull.number, merge_method: 'squash' });
  assert.equal(merged.data.merged, true);
  const { data: deployment } = await app.rest.repos.createDeployment({
    ...models,
    ref: 'fraud@v1.0.0',
    environment: 'staging',
    required_contexts: [],
    auto_merge: false,
  });
  assert.ok('id' in deployment);
  await app.rest.repos.createDeploymentStatus({ ...models, deployment_id: deployment.id, state: 'success' });
  const { data: issue } = await app.rest.issues.create({
    ...models,
    title: 'Audit: fraud v1.0.0 in staging',
  });
  await app.rest.issues.addLabels({ ...models, issue_number: issue.number, labels: ['modelship-audit'] });
  await app.rest.issues.createComment({ ...models, issue_number: pull, body: 'Promoted v1.0.0 to staging.' });

  // What GitHub would refuse, refused: a reader cannot move the ops branch, a stranger cannot tag.
  const refused = async (promise: Promise<unknown>) =>
    ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;
  gh.setPermission('acme/ops', 'rita', 'read');
  assert.equal(
    await refused(
      person('rita').rest.git.updateRef({ ...ops, ref: 'heads/main', sha: opsMain.object.sha, force: true }),
    ),
    404,
  );
  assert.equal(
    await refused(
      person('stranger').rest.git.createRef({ ...models, ref: 'refs/tags/fraud#prod#1', sha: tag.sha }),
    ),
    404,
  );
  await gh.webhooksSettled();
  assert.ok(
    received.some((r) => r.event === 'pull_request'),
    'the ops merge was delivered as well',
  );
});
