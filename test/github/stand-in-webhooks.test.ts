import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import type {
  CheckRunCompletedEvent,
  CreateEvent,
  DeploymentCreatedEvent,
  DeploymentStatusCreatedEvent,
  IssueCommentCreatedEvent,
  IssueCommentDeletedEvent,
  IssueCommentEditedEvent,
  PullRequestClosedEvent,
  PullRequestSynchronizeEvent,
  PushEvent,
} from '@octokit/webhooks-types';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

interface Received<T = { action?: string; ref?: string }> {
  headers: IncomingHttpHeaders;
  body: string;
  payload: T;
}

/** A webhook receiver on loopback: records what arrives and answers `status` (settable per test). */
async function startReceiver() {
  const received: Received[] = [];
  const receiver = { received, status: 200, url: '', server: undefined as unknown as Server };
  receiver.server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      received.push({ headers: req.headers, body, payload: JSON.parse(body) as Received['payload'] });
      res
        .writeHead(receiver.status, { 'content-type': 'text/plain' })
        .end(receiver.status < 300 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((ok) => receiver.server.listen(0, '127.0.0.1', ok));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}/webhooks`;
  return receiver;
}

let gh: GitHubStandIn;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: GitHubClient;
let installationId: number;
const repo = { owner: 'acme', repo: 'models' };
const client = (login: string) =>
  createGitHubClient({ token: gh.createToken(login), baseUrl: gh.url, retries: 0, pacing: false });
/** Deliveries of one event (and action) received so far, typed as GitHub's payload for it. */
const events = <T = Received['payload']>(name: string, action?: string) =>
  receiver.received.filter(
    (r) => r.headers['x-github-event'] === name && (action === undefined || r.payload.action === action),
  ) as unknown as Received<T>[];

before(async () => {
  receiver = await startReceiver();
  gh = await startGitHubStandIn({ webhookUrl: receiver.url, webhookTimeoutMs: 2000 });
  await gh.createRepo('acme/models', { files: { 'deploy/values.yaml': 'image: v1\n' } });
  installationId = gh.installApp('acme', ['acme/models']);
  owner = client('acme');
});
beforeEach(async () => {
  await gh.webhooksSettled();
  receiver.received.length = 0;
  receiver.status = 200;
});
after(async () => {
  await gh.close();
  receiver.server.close();
});

describe('GitHub stand-in: webhooks from its own events', () => {
  test('a comment a user posts is delivered, signed, with ids that exist in the stand-in', async () => {
    const number = await gh.createPullRequest('acme/models', 'bump', { 'deploy/values.yaml': 'image: v2\n' });
    const alice = client('alice');
    const { data: posted } = await alice.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: '/promote',
    });
    await gh.webhooksSettled();

    const [delivery] = events<IssueCommentCreatedEvent>('issue_comment', 'created');
    assert.ok(delivery, 'the comment was delivered');
    const { headers, body, payload } = delivery;
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', gh.app.webhookSecret).update(body).digest('hex')}`,
    );
    assert.ok(
      timingSafeEqual(Buffer.from(String(headers['x-hub-signature-256'])), expected),
      'signature verifies',
    );
    assert.equal(headers['content-type'], 'application/json');
    assert.match(String(headers['user-agent']), /^GitHub-Hookshot\//);
    assert.match(String(headers['x-github-delivery']), /^[0-9a-f-]{36}$/);
    assert.equal(headers['x-github-hook-id'], String(gh.app.hookId));
    assert.equal(headers['x-github-hook-installation-target-type'], 'integration');
    assert.equal(headers['x-github-hook-installation-target-id'], String(gh.app.id));

    assert.equal(payload.comment.id, posted.id);
    assert.equal(payload.comment.body, '/promote');
    assert.equal(payload.comment.user.login, 'alice');
    assert.equal(payload.sender.login, 'alice');
    assert.equal(payload.issue.number, number);
    assert.ok(payload.issue.pull_request, 'the issue is the pull request');
    assert.equal(payload.installation?.id, installationId);
    const { data: shown } = await owner.rest.repos.get(repo);
    assert.equal(payload.repository.id, shown.id);
    assert.equal(payload.repository.full_name, 'acme/models');

    // The app reacts to the triggering comment through the API: the id is real.
    const reaction = await owner.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: payload.comment.id,
      content: 'rocket',
    });
    assert.equal(reaction.status, 201);

    const recorded = gh.deliveries.find((d) => d.guid === headers['x-github-delivery'])!;
    assert.equal(recorded.event, 'issue_comment');
    assert.equal(recorded.action, 'created');
    assert.equal(recorded.statusCode, 200);
    assert.equal(recorded.status, 'OK');
  });

  test('edits and deletions of comments are delivered with what changed', async () => {
    const { data: posted } = await owner.rest.issues.createComment({
      ...repo,
      issue_number: 1,
      body: 'first',
    });
    await owner.rest.issues.updateComment({ ...repo, comment_id: posted.id, body: 'second' });
    await owner.rest.issues.deleteComment({ ...repo, comment_id: posted.id });
    await gh.webhooksSettled();
    assert.deepEqual(
      events('issue_comment').map((r) => r.payload.action),
      ['created', 'edited', 'deleted'],
    );
    assert.deepEqual(events<IssueCommentEditedEvent>('issue_comment', 'edited')[0]!.payload.changes, {
      body: { from: 'first' },
    });
    assert.equal(
      events<IssueCommentDeletedEvent>('issue_comment', 'deleted')[0]!.payload.comment.id,
      posted.id,
    );
  });

  test("author_association follows the commenter's role", async () => {
    gh.setPermission('acme/models', 'carol', 'write');
    for (const login of ['acme', 'carol', 'mallory'])
      await client(login).rest.issues.createComment({ ...repo, issue_number: 1, body: `hi from ${login}` });
    await gh.webhooksSettled();
    const byLogin = Object.fromEntries(
      events<IssueCommentCreatedEvent>('issue_comment', 'created').map((r) => [
        r.payload.comment.user.login,
        r.payload.comment.author_association,
      ]),
    );
    assert.deepEqual(byLogin, { acme: 'OWNER', carol: 'COLLABORATOR', mallory: 'NONE' });
  });

  test('a merge delivers push to the base branch, then pull_request closed with merged true', async () => {
    const number = await gh.createPullRequest('acme/models', 'release', {
      'deploy/values.yaml': 'image: v3\n',
    });
    const { data: merged } = await owner.rest.pulls.merge({ ...repo, pull_number: number });
    await gh.webhooksSettled();
    const [closed] = events<PullRequestClosedEvent>('pull_request', 'closed');
    assert.ok(closed);
    assert.equal(closed.payload.number, number);
    assert.equal(closed.payload.pull_request.merged, true);
    assert.equal(closed.payload.pull_request.merge_commit_sha, merged.sha);
    const [push] = events<PushEvent>('push');
    assert.equal(push!.payload.ref, 'refs/heads/main');
    assert.equal(push!.payload.after, merged.sha);
    assert.equal(push!.payload.head_commit?.id, merged.sha);
    assert.deepEqual(
      receiver.received.map((r) => r.headers['x-github-event']),
      ['push', 'pull_request'],
    );
  });

  test('branches and tags: create, push and delete events from ref updates', async () => {
    const { data: main } = await owner.rest.git.getRef({ ...repo, ref: 'heads/main' });
    await owner.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0.0', sha: main.object.sha });
    await owner.rest.git.createRef({ ...repo, ref: 'refs/heads/feature', sha: main.object.sha });
    await owner.rest.git.deleteRef({ ...repo, ref: 'heads/feature' });
    await gh.webhooksSettled();
    assert.deepEqual(
      receiver.received.map((r) => `${r.headers['x-github-event']} ${r.payload.ref}`),
      [
        'create v1.0.0',
        'push refs/tags/v1.0.0',
        'create feature',
        'push refs/heads/feature',
        'push refs/heads/feature',
        'delete feature',
      ],
    );
    assert.equal(events<CreateEvent>('create')[0]!.payload.ref_type, 'tag');
    const deleted = events<PushEvent>('push').at(-1)!.payload;
    assert.equal(deleted.deleted, true);
    assert.equal(deleted.after, '0'.repeat(40));
    assert.equal(deleted.before, main.object.sha);
  });

  test('a contents write to a pull request branch is a push and a synchronize', async () => {
    const number = await gh.createPullRequest('acme/models', 'tune', { 'deploy/values.yaml': 'image: v4\n' });
    const { data: file } = await owner.rest.repos.getContent({
      ...repo,
      path: 'deploy/values.yaml',
      ref: 'tune',
    });
    const { data: written } = await owner.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'deploy/values.yaml',
      branch: 'tune',
      message: 'tune: v5',
      content: Buffer.from('image: v5\n').toString('base64'),
      sha: (file as { sha: string }).sha,
    });
    await gh.webhooksSettled();
    const [push] = events<PushEvent>('push');
    assert.deepEqual(push!.payload.head_commit?.modified, ['deploy/values.yaml']);
    assert.equal(push!.payload.commits.length, 1);
    const [sync] = events<PullRequestSynchronizeEvent>('pull_request', 'synchronize');
    assert.equal(sync!.payload.number, number);
    assert.equal(sync!.payload.after, written.commit.sha);
    assert.equal(sync!.payload.pull_request.head.sha, written.commit.sha);
  });

  test('deployments and their statuses are delivered', async () => {
    const { data: deployment } = await owner.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    const id = (deployment as { id: number }).id;
    await owner.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'success' });
    await gh.webhooksSettled();
    assert.equal(events<DeploymentCreatedEvent>('deployment', 'created')[0]!.payload.deployment.id, id);
    const [status] = events<DeploymentStatusCreatedEvent>('deployment_status', 'created');
    assert.equal(status!.payload.deployment_status.state, 'success');
    assert.equal(status!.payload.deployment.id, id);
  });

  test('a receiver answering 500 is recorded, and redelivery succeeds later', async () => {
    receiver.status = 500;
    await owner.rest.issues.createComment({ ...repo, issue_number: 1, body: 'retry me' });
    await gh.webhooksSettled();
    const failed = gh.deliveries.at(-1)!;
    assert.equal(failed.statusCode, 500);
    assert.equal(failed.status, 'Invalid HTTP Response: 500');
    assert.ok(failed.duration >= 0);

    receiver.status = 200;
    const again = await gh.redeliver(failed.id);
    assert.equal(again.statusCode, 200);
    assert.equal(again.redelivery, true);
    assert.equal(again.guid, failed.guid);
    assert.notEqual(again.id, failed.id);
    assert.equal(receiver.received.at(-1)!.body, receiver.received.at(-2)!.body, 'the same bytes');
  });

  test('deliveries through the API: list, get and redeliver with the app JWT', async () => {
    receiver.status = 502;
    await owner.rest.issues.createComment({ ...repo, issue_number: 1, body: 'via the API' });
    await gh.webhooksSettled();
    receiver.status = 200;
    const app = new Octokit({
      baseUrl: gh.url,
      authStrategy: createAppAuth,
      auth: { appId: gh.app.id, privateKey: gh.app.privateKey },
    });
    const { data: failures } = await app.rest.apps.listWebhookDeliveries({
      status: 'failure',
      per_page: 100,
    } as never);
    const latest = failures[0]!;
    assert.equal(latest.status_code, 502);
    assert.equal(latest.event, 'issue_comment');
    assert.equal(latest.installation_id, installationId);
    const { data: detail } = await app.rest.apps.getWebhookDelivery({ delivery_id: latest.id });
    assert.equal((detail.request.payload as { comment: { body: string } }).comment.body, 'via the API');
    assert.equal(detail.request.headers!['x-github-delivery'], latest.guid);

    const accepted = await app.rest.apps.redeliverWebhookDelivery({ delivery_id: latest.id });
    assert.equal(accepted.status, 202);
    await gh.webhooksSettled();
    const { data: now } = await app.rest.apps.listWebhookDeliveries({ per_page: 1 });
    assert.equal(now[0]!.guid, latest.guid);
    assert.equal(now[0]!.redelivery, true);
    assert.equal(now[0]!.status_code, 200);

    const userToken = client('acme');
    const refused = await userToken.rest.apps
      .getWebhookDelivery({ delivery_id: latest.id })
      .catch((e: { status: number }) => e);
    assert.equal((refused as { status: number }).status, 401);
  });
});

describe('GitHub stand-in: who gets which webhooks', () => {
  test("the app's own comments are delivered too (the app must ignore them), and check runs", async () => {
    await gh.webhooksSettled();
    receiver.received.length = 0;
    const bot = new Octokit({
      baseUrl: gh.url,
      authStrategy: createAppAuth,
      auth: { appId: gh.app.id, privateKey: gh.app.privateKey, installationId },
    });
    await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'Promoted.' });
    const { data: main } = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
    const { data: run } = await bot.rest.checks.create({ ...repo, name: 'gate', head_sha: main.object.sha });
    await bot.rest.checks.update({ ...repo, check_run_id: run.id, conclusion: 'success' });
    await gh.webhooksSettled();
    const [comment] = events<IssueCommentCreatedEvent>('issue_comment', 'created');
    assert.equal(comment!.payload.sender.login, 'modelship[bot]');
    assert.equal(comment!.payload.sender.type, 'Bot');
    assert.equal(comment!.payload.comment.author_association, 'NONE');
    assert.deepEqual(
      events<CheckRunCompletedEvent>('check_run').map((r) => `${r.payload.action} ${r.payload.check_run.id}`),
      [`created ${run.id}`, `completed ${run.id}`],
    );
    assert.equal(
      events<CheckRunCompletedEvent>('check_run', 'completed')[0]!.payload.check_run.conclusion,
      'success',
    );
  });

  test('nothing is delivered for repositories the app is not installed on, or events it does not subscribe to', async () => {
    await gh.createRepo('acme/elsewhere');
    await gh.createPullRequest('acme/elsewhere', 'x', { 'a.txt': 'a\n' });
    await gh.webhooksSettled();
    receiver.received.length = 0;
    await owner.rest.issues.createComment({ owner: 'acme', repo: 'elsewhere', issue_number: 1, body: 'x' });
    await gh.webhooksSettled();
    assert.equal(receiver.received.length, 0, 'not installed on acme/elsewhere');
    gh.app.events = ['push'];
    try {
      await gh.webhooksSettled();
      receiver.received.length = 0;
      await owner.rest.issues.createComment({ ...repo, issue_number: 1, body: 'not subscribed' });
      const { data: main } = await owner.rest.git.getRef({ ...repo, ref: 'heads/main' });
      await owner.rest.git.createRef({ ...repo, ref: 'refs/heads/subscribed', sha: main.object.sha });
      await gh.webhooksSettled();
      assert.deepEqual(
        receiver.received.map((r) => r.headers['x-github-event']),
        ['push'],
      );
    } finally {
      delete gh.app.events;
    }
  });
});

test('a delivery whose payload breaks the webhook schema fails close()', async () => {
  const local = await startGitHubStandIn({ webhookUrl: receiver.url });
  await local.createRepo('acme/broken');
  local.installApp('acme', ['acme/broken']);
  const octokit = createGitHubClient({
    token: local.createToken('acme'),
    baseUrl: local.url,
    retries: 0,
    pacing: false,
  });
  await local.createPullRequest('acme/broken', 'x', { 'a.txt': 'a\n' });
  const { data } = await octokit.rest.issues.createComment({
    owner: 'acme',
    repo: 'broken',
    issue_number: 1,
    body: 'ok',
  });
  // A stand-in bug, simulated: a stored comment gets a field of the wrong type.
  local.state.repo('acme', 'broken')!.comments.get(data.id)!.created_at = 42;
  await octokit.rest.issues.deleteComment({ owner: 'acme', repo: 'broken', comment_id: data.id });
  await local.webhooksSettled();
  assert.equal(local.webhookProblems.length, 1);
  assert.match(local.webhookProblems[0]!, /^issue-comment-deleted: /);
  await assert.rejects(local.close(), /webhook: issue-comment-deleted/);
});
