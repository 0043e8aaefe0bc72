import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import type { Repo } from '../support/github/state.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// The promotion app reads pull requests and writes comments, reactions, refs and deployment
// statuses through GitHub's GraphQL API, several mutations to a request. The stand-in does each with
// its REST twin's own handler; these tests read every result back through REST.
let gh: GitHubStandIn;
let models: Repo & { headSha: string };
let ops: Repo & { headSha: string };
let owner: GitHubClient;
let app: GitHubClient;
let appToken: string;
/** The app's main installation: webhooks go once per installation on a repository. */
let appInstallation: number;
let lastInstallation = 0;
let receiver: Server;
const client = (token: string) => createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

/** A GraphQL call as bytes on the wire: HTTP status and parsed body (errors and data side by side). */
async function raw(
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${gh.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Answer; errors?: Answer[] } };
}

async function installationToken(repos: string[], permissions?: Record<string, string>) {
  const installation = gh.installApp('acme', repos, permissions);
  lastInstallation = installation;
  const auth = createAppAuth({
    appId: gh.app.id,
    privateKey: gh.app.privateKey,
    request: new Octokit({ baseUrl: gh.url }).request,
  });
  return (await auth({ type: 'installation', installationId: installation })).token;
}

const graphqlCalls = (since: number) => gh.calls.slice(since).filter((c) => c.operationId === 'graphql');

before(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  gh = await startGitHubStandIn({
    webhookUrl: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`,
  });
  models = await gh.createRepo('acme/models', { files: { 'README.md': '# models\n' } });
  ops = await gh.createRepo('acme/ops', { files: { 'deploy/values.yaml': 'image: v1\n' } });
  await gh.createRepo('acme/secret', { private: true });
  owner = client(gh.createToken('acme'));
  appToken = await installationToken(['acme/models', 'acme/ops']);
  appInstallation = lastInstallation;
  app = client(appToken);
});
after(async () => {
  receiver.closeAllConnections();
  await new Promise((ok) => receiver.close(ok));
  await gh.close();
});

const pullQuery = `query Pull($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      id number state merged isCrossRepository title
      headRepository { nameWithOwner }
      headRefName headRefOid baseRefName baseRefOid
      author { __typename login }
    }
  } }`;

describe('GraphQL reads: pull requests, several repositories, node ids', () => {
  test('Repository.pullRequest(number:) is the pull request REST shows, following its branch', async () => {
    const number = await gh.createPullRequest('acme/models', 'promote-v2', { 'model.txt': 'v2\n' });
    const rest = (await owner.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    const answer = await app.graphql<Answer>(pullQuery, { owner: 'acme', name: 'models', number });
    assert.deepEqual(answer.repository.pullRequest, {
      id: rest.node_id,
      number,
      state: 'OPEN',
      merged: false,
      isCrossRepository: false,
      title: rest.title,
      headRepository: { nameWithOwner: 'acme/models' },
      headRefName: 'promote-v2',
      headRefOid: rest.head.sha,
      baseRefName: 'main',
      baseRefOid: rest.base.sha,
      author: { __typename: 'User', login: 'acme' },
    });

    // A push to the head moves headRefOid, as it moves REST's head.sha.
    const tip = (await models.git.refSha('refs/heads/promote-v2'))!;
    const next = await models.git.commit((await models.git.commitInfo(tip))!.tree, [tip], 'again');
    await models.git.updateRef('refs/heads/promote-v2', next, tip);
    const moved = await app.graphql<Answer>(pullQuery, { owner: 'acme', name: 'models', number });
    assert.equal(moved.repository.pullRequest.headRefOid, next);

    // Merged through REST: MERGED and merged in GraphQL.
    await owner.rest.pulls.merge({ owner: 'acme', repo: 'models', pull_number: number });
    const merge = await owner.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number });
    const merged = await app.graphql<Answer>(
      `query($number: Int!) { repository(owner: "acme", name: "models") {
        pullRequest(number: $number) { state merged closed mergeCommit { oid } } } }`,
      { number },
    );
    assert.deepEqual(merged.repository.pullRequest, {
      state: 'MERGED',
      merged: true,
      closed: true,
      mergeCommit: { oid: merge.data.merge_commit_sha },
    });
    assert.equal(await models.git.refSha('refs/heads/main'), merge.data.merge_commit_sha);
  });

  test('a missing number is NOT_FOUND on that field only; an installation without pull_requests is FORBIDDEN', async () => {
    const missing = await raw(
      appToken,
      '{ repository(owner: "acme", name: "models") { name pullRequest(number: 999) { id } } }',
    );
    assert.equal(missing.status, 200);
    assert.deepEqual(missing.body.data, { repository: { name: 'models', pullRequest: null } });
    assert.equal(missing.body.errors!.length, 1);
    assert.deepEqual(
      { ...missing.body.errors![0], locations: undefined },
      {
        type: 'NOT_FOUND',
        path: ['repository', 'pullRequest'],
        locations: undefined,
        message: 'Could not resolve to a PullRequest with the number of 999.',
      },
    );

    const number = await gh.createPullRequest('acme/models', 'no-permission', { 'x.txt': 'x\n' });
    const contentsOnly = await installationToken(['acme/models'], { contents: 'read', metadata: 'read' });
    const refused = await raw(
      contentsOnly,
      `{ repository(owner: "acme", name: "models") { name pullRequest(number: ${number}) { id } } }`,
    );
    assert.equal(refused.body.errors![0].type, 'FORBIDDEN');
    assert.equal(refused.body.errors![0].message, 'Resource not accessible by integration');
    assert.deepEqual(refused.body.data, { repository: { name: 'models', pullRequest: null } });
  });

  test('two repositories under aliases in one request, one call in the log; an invisible one is null beside the other', async () => {
    const number = await gh.createPullRequest('acme/models', 'aliases', { 'a.txt': 'a\n' });
    const since = gh.calls.length;
    const answer = await app.graphql<Answer>(
      `query Both($number: Int!) {
        model: repository(owner: "acme", name: "models") { id nameWithOwner pullRequest(number: $number) { number } }
        ops: repository(owner: "acme", name: "ops") { id nameWithOwner defaultBranchRef { target { oid } } }
      }`,
      { number },
    );
    assert.equal(answer.model.nameWithOwner, 'acme/models');
    assert.equal(answer.model.pullRequest.number, number);
    assert.equal(answer.ops.nameWithOwner, 'acme/ops');
    assert.equal(answer.ops.defaultBranchRef.target.oid, await ops.git.refSha('refs/heads/main'));
    const calls = graphqlCalls(since);
    assert.equal(calls.length, 1, 'one HTTP request, one entry');
    assert.deepEqual(calls[0]!.graphql, {
      operationName: 'Both',
      operation: 'query',
      rootField: 'repository',
      fields: ['repository', 'repository'],
    });

    const partly = await raw(
      appToken,
      `{ a: repository(owner: "acme", name: "models") { name } b: repository(owner: "acme", name: "secret") { name } }`,
    );
    assert.deepEqual(partly.body.data, { a: { name: 'models' }, b: null });
    assert.equal(partly.body.errors![0].type, 'NOT_FOUND');
    assert.deepEqual(partly.body.errors![0].path, ['b']);
  });

  test('node ids are one scheme: REST node_id resolves in node(id:), GraphQL ids are REST node_ids', async () => {
    const number = await gh.createPullRequest('acme/models', 'ids', { 'ids.txt': 'ids\n' });
    const repo = (await owner.rest.repos.get({ owner: 'acme', repo: 'models' })).data;
    const pull = (await owner.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    const comment = (
      await owner.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: number,
        body: 'hi',
      })
    ).data;
    const ref = (await owner.rest.git.getRef({ owner: 'acme', repo: 'models', ref: 'heads/ids' })).data;
    const deployment = (
      await owner.rest.repos.createDeployment({
        owner: 'acme',
        repo: 'models',
        ref: 'main',
        environment: 'staging',
        required_contexts: [],
      })
    ).data as { node_id: string; id: number };
    const answer = await owner.graphql<Answer>(
      `query Nodes($ids: [ID!]!) {
        nodes(ids: $ids) {
          __typename id
          ... on Repository { nameWithOwner }
          ... on PullRequest { number }
          ... on IssueComment { body databaseId }
          ... on Ref { name prefix target { oid } }
          ... on Deployment { databaseId environment }
        }
        repository(owner: "acme", name: "models") { id ref(qualifiedName: "ids") { id } }
      }`,
      { ids: [repo.node_id, pull.node_id, comment.node_id, ref.node_id, deployment.node_id] },
    );
    assert.deepEqual(answer.nodes, [
      { __typename: 'Repository', id: repo.node_id, nameWithOwner: 'acme/models' },
      { __typename: 'PullRequest', id: pull.node_id, number },
      { __typename: 'IssueComment', id: comment.node_id, body: 'hi', databaseId: comment.id },
      {
        __typename: 'Ref',
        id: ref.node_id,
        name: 'ids',
        prefix: 'refs/heads/',
        target: { oid: ref.object.sha },
      },
      { __typename: 'Deployment', id: deployment.node_id, databaseId: deployment.id, environment: 'staging' },
    ]);
    assert.equal(answer.repository.id, repo.node_id);
    assert.equal(answer.repository.ref.id, ref.node_id);
    const tags = await owner.rest.repos.listTags({ owner: 'acme', repo: 'models' });
    assert.deepEqual(tags.data, []);

    const unknown = await raw(gh.createToken('acme'), '{ node(id: "PR_424242") { id } }');
    assert.deepEqual(unknown.body.data, { node: null });
    assert.equal(unknown.body.errors![0].type, 'NOT_FOUND');
    assert.equal(
      unknown.body.errors![0].message,
      "Could not resolve to a node with the global id of 'PR_424242'",
    );
    // Another's private repository: the id resolves to nothing rather than revealing it.
    const secret = gh.state.repo('acme', 'secret')!;
    const hidden = await raw(gh.createToken('stranger'), `{ node(id: "R_${secret.id}") { id } }`);
    assert.equal(hidden.body.errors![0].type, 'NOT_FOUND');
  });
});

const FLASH = { accept: 'application/vnd.github.flash-preview+json' };

/** Deliveries of `event` whose payload passes `match`, once every delivery in flight has finished. */
async function delivered(event: string, match: (payload: Answer) => boolean) {
  await gh.webhooksSettled();
  return gh.deliveries.filter(
    (d) =>
      d.event === event &&
      (d.payload as Answer).installation?.id === appInstallation &&
      match(d.payload as Answer),
  );
}

/** A payload's shape: every key path, without the values (ids, bodies and times differ). */
function shape(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
}

describe('GraphQL mutations: the REST twin’s state and webhooks', () => {
  test('addComment on a pull request and on an issue: the comment REST lists, the issue_comment webhook REST sends', async () => {
    const number = await gh.createPullRequest('acme/models', 'comment-here', { 'c.txt': 'c\n' });
    const pull = (await app.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    const issue = (await owner.rest.issues.create({ owner: 'acme', repo: 'models', title: 'An issue' })).data;
    const since = gh.calls.length;
    const answer = await app.graphql<Answer>(
      `mutation Reply($pr: ID!, $issue: ID!) {
        onPull: addComment(input: { subjectId: $pr, body: "Promoted fraud@v2 to staging.", clientMutationId: "c1" }) {
          clientMutationId
          commentEdge { cursor node { id databaseId body url author { __typename login } authorAssociation } }
          timelineEdge { node { ... on IssueComment { id } } }
          subject { __typename id ... on PullRequest { number } }
        }
        onIssue: addComment(input: { subjectId: $issue, body: "Noted." }) {
          commentEdge { node { id } }
          subject { __typename ... on Issue { number } }
        }
      }`,
      { pr: pull.node_id, issue: issue.node_id },
    );
    const made = answer.onPull;
    assert.equal(made.clientMutationId, 'c1');
    assert.deepEqual(made.subject, { __typename: 'PullRequest', id: pull.node_id, number });
    assert.equal(made.timelineEdge.node.id, made.commentEdge.node.id);
    assert.deepEqual(answer.onIssue.subject, { __typename: 'Issue', number: issue.number });

    const listed = (
      await owner.rest.issues.listComments({ owner: 'acme', repo: 'models', issue_number: number })
    ).data;
    assert.equal(listed.length, 1);
    const comment = listed[0]!;
    assert.deepEqual(made.commentEdge.node, {
      id: comment.node_id,
      databaseId: comment.id,
      body: 'Promoted fraud@v2 to staging.',
      url: comment.html_url,
      author: { __typename: 'Bot', login: 'modelship' },
      authorAssociation: comment.author_association,
    });
    assert.equal(comment.user!.login, 'modelship[bot]', 'performed by the caller: the app’s bot');
    const onIssue = (
      await owner.rest.issues.listComments({ owner: 'acme', repo: 'models', issue_number: issue.number })
    ).data;
    assert.deepEqual(
      onIssue.map((c) => [c.node_id, c.body]),
      [[answer.onIssue.commentEdge.node.id, 'Noted.']],
    );
    assert.deepEqual(
      graphqlCalls(since).map((c) => c.graphql?.fields),
      [['addComment', 'addComment']],
    );

    // The webhook is the one REST's issues/create-comment sends: compare with a REST comment's.
    const viaRest = (
      await app.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: number,
        body: 'REST',
      })
    ).data;
    const [graphqlHook] = await delivered('issue_comment', (p) => p.comment.id === comment.id);
    const [restHook] = await delivered('issue_comment', (p) => p.comment.id === viaRest.id);
    assert.ok(graphqlHook && restHook, 'both delivered');
    const a = graphqlHook.payload as Answer;
    const b = restHook.payload as Answer;
    assert.equal(a.action, 'created');
    assert.deepEqual(shape(a).sort(), shape(b).sort());
    assert.deepEqual(
      [a.sender.login, a.comment.user.login, a.issue.number],
      ['modelship[bot]', 'modelship[bot]', number],
    );
    assert.equal(a.comment.node_id, comment.node_id);
  });

  test('addReaction on an issue comment: REST lists the reaction once; a second identical one returns it', async () => {
    const number = await gh.createPullRequest('acme/models', 'react-here', { 'r.txt': 'r\n' });
    const comment = (
      await owner.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: number,
        body: '/promote',
      })
    ).data;
    const react = `mutation Ack($id: ID!) {
      addReaction(input: { subjectId: $id, content: EYES }) {
        reaction { id content databaseId }
        subject { __typename id ... on IssueComment { body } }
        reactionGroups { content viewerHasReacted reactors { totalCount } }
      } }`;
    const first = (await app.graphql<Answer>(react, { id: comment.node_id })).addReaction;
    assert.equal(first.reaction.content, 'EYES');
    assert.deepEqual(first.subject, { __typename: 'IssueComment', id: comment.node_id, body: '/promote' });
    const eyes = first.reactionGroups.find((g: Answer) => g.content === 'EYES');
    assert.deepEqual(eyes, { content: 'EYES', viewerHasReacted: true, reactors: { totalCount: 1 } });
    const again = (await app.graphql<Answer>(react, { id: comment.node_id })).addReaction;
    assert.equal(again.reaction.id, first.reaction.id, 'GitHub adds one reaction of a kind per person');

    const listed = (
      await owner.rest.reactions.listForIssueComment({
        owner: 'acme',
        repo: 'models',
        comment_id: comment.id,
      })
    ).data;
    assert.deepEqual(
      listed.map((r) => [r.id, r.node_id, r.content, r.user!.login]),
      [[first.reaction.databaseId, first.reaction.id, 'eyes', 'modelship[bot]']],
    );

    // On the pull request itself (its PR_ id): REST's issue reactions.
    const pull = (await owner.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    await app.graphql<Answer>(
      `mutation($id: ID!) { addReaction(input: { subjectId: $id, content: THUMBS_UP }) { reaction { content } } }`,
      { id: pull.node_id },
    );
    const onPull = (
      await owner.rest.reactions.listForIssue({ owner: 'acme', repo: 'models', issue_number: number })
    ).data;
    assert.deepEqual(
      onPull.map((r) => r.content),
      ['+1'],
    );
  });

  test('createRef and deleteRef: the refs REST reads, with the push webhooks REST sends; GitHub’s errors', async () => {
    const repo = (await app.rest.repos.get({ owner: 'acme', repo: 'ops' })).data;
    const head = (await ops.git.refSha('refs/heads/main'))!;
    const create = `mutation Create($repo: ID!, $name: String!, $oid: GitObjectID!) {
      createRef(input: { repositoryId: $repo, name: $name, oid: $oid }) { ref { id name prefix target { oid } } } }`;
    const made = await app.graphql<Answer>(create, {
      repo: repo.node_id,
      name: 'refs/heads/lock/staging',
      oid: head,
    });
    const rest = (await app.rest.git.getRef({ owner: 'acme', repo: 'ops', ref: 'heads/lock/staging' })).data;
    assert.deepEqual(made.createRef.ref, {
      id: rest.node_id,
      name: 'lock/staging',
      prefix: 'refs/heads/',
      target: { oid: head },
    });
    const [created] = await delivered('create', (p) => p.ref === 'lock/staging');
    assert.equal((created?.payload as Answer).ref_type, 'branch');

    // Existing name: the field is null, the error GitHub's; no webhook, nothing moved.
    const exists = await raw(appToken, create, {
      repo: repo.node_id,
      name: 'refs/heads/lock/staging',
      oid: head,
    });
    assert.equal(exists.status, 200);
    assert.deepEqual(exists.body.data, { createRef: null });
    assert.deepEqual(
      { ...exists.body.errors![0], locations: undefined },
      {
        type: 'UNPROCESSABLE',
        path: ['createRef'],
        locations: undefined,
        message: 'A ref named "refs/heads/lock/staging" already exists in the repository.',
      },
    );
    // Not fully qualified: refused (GitHub wants `refs/heads/…`), nothing created.
    const short = await raw(appToken, create, { repo: repo.node_id, name: 'lock/production', oid: head });
    assert.equal(short.body.errors![0].type, 'UNPROCESSABLE');
    assert.equal(await ops.git.refSha('refs/heads/lock/production'), undefined);
    assert.equal(await ops.git.refSha('refs/lock/production'), undefined);

    // updateRef: a fast-forward moves it (push webhook); going back needs force, as in REST.
    const next = await ops.git.commit((await ops.git.commitInfo(head))!.tree, [head], 'lock taken');
    const update = `mutation Update($id: ID!, $oid: GitObjectID!, $force: Boolean) {
      updateRef(input: { refId: $id, oid: $oid, force: $force }) { ref { target { oid } } } }`;
    const moved = await app.graphql<Answer>(update, { id: rest.node_id, oid: next });
    assert.deepEqual(moved.updateRef.ref, { target: { oid: next } });
    assert.equal(
      (await app.rest.git.getRef({ owner: 'acme', repo: 'ops', ref: 'heads/lock/staging' })).data.object.sha,
      next,
    );
    const [pushed] = await delivered('push', (p) => p.ref === 'refs/heads/lock/staging' && p.after === next);
    assert.equal((pushed?.payload as Answer).before, head);
    const back = await raw(appToken, update, { id: rest.node_id, oid: head });
    assert.deepEqual(
      [back.body.errors![0].type, back.body.errors![0].message],
      ['UNPROCESSABLE', 'Update is not a fast forward'],
    );
    await app.graphql<Answer>(update, { id: rest.node_id, oid: head, force: true });
    assert.equal(await ops.git.refSha('refs/heads/lock/staging'), head);

    // An annotated tag object is not a commit: GitHub's createRef is for commits (REST makes tag refs).
    const tagObject = (
      await app.rest.git.createTag({
        owner: 'acme',
        repo: 'ops',
        tag: 'v1',
        message: 'v1',
        object: head,
        type: 'commit',
      })
    ).data.sha;
    const onTag = await raw(appToken, create, { repo: repo.node_id, name: 'refs/tags/v1', oid: tagObject });
    assert.deepEqual(
      [onTag.body.errors![0].type, onTag.body.errors![0].message],
      ['UNPROCESSABLE', `The oid ${tagObject} does not point to a commit.`],
    );
    assert.equal(await ops.git.refSha('refs/tags/v1'), undefined);

    // deleteRef by REST's node_id.
    const del = `mutation Delete($id: ID!) { deleteRef(input: { refId: $id, clientMutationId: "d" }) { clientMutationId } }`;
    assert.deepEqual(await app.graphql<Answer>(del, { id: rest.node_id }), {
      deleteRef: { clientMutationId: 'd' },
    });
    await assert.rejects(
      app.rest.git.getRef({ owner: 'acme', repo: 'ops', ref: 'heads/lock/staging' }),
      (e: Answer) => e.status === 404,
    );
    const [deleted] = await delivered('delete', (p) => p.ref === 'lock/staging');
    assert.ok(deleted, 'delete webhook');
    // Deleting it again: the id no longer resolves.
    const gone = await raw(appToken, del, { id: rest.node_id });
    assert.deepEqual(gone.body.data, { deleteRef: null });
    assert.equal(gone.body.errors![0].type, 'NOT_FOUND');
    assert.equal(
      gone.body.errors![0].message,
      `Could not resolve to a node with the global id of '${rest.node_id}'`,
    );
  });

  test('createCommitOnBranch takes REST’s ref node_id as its branch id; an id in a hidden repository is NOT_FOUND', async () => {
    const ref = (await app.rest.git.getRef({ owner: 'acme', repo: 'ops', ref: 'heads/main' })).data;
    const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
    const made = await app.graphql<Answer>(mutation, {
      input: {
        branch: { id: ref.node_id },
        message: { headline: 'By ref id' },
        fileChanges: { additions: [{ path: 'by-id.txt', contents: Buffer.from('id\n').toString('base64') }] },
        expectedHeadOid: ref.object.sha,
      },
    });
    assert.equal(await ops.git.refSha('refs/heads/main'), made.createCommitOnBranch.commit.oid);
    // The owner reads the private repository's ref; the app, not installed there, cannot use its id.
    const hiddenId = (await owner.rest.git.getRef({ owner: 'acme', repo: 'secret', ref: 'heads/main' })).data
      .node_id;
    const hidden = await raw(appToken, mutation, {
      input: { branch: { id: hiddenId }, message: { headline: 'no' }, expectedHeadOid: ref.object.sha },
    });
    assert.deepEqual(hidden.body.data, { createCommitOnBranch: null });
    assert.equal(hidden.body.errors![0].type, 'NOT_FOUND');
    assert.equal(
      hidden.body.errors![0].message,
      `Could not resolve to a node with the global id of '${hiddenId}'`,
    );
  });

  test('createDeploymentStatus needs the flash preview; with it, the status REST lists and its webhook', async () => {
    const deployment = (
      await app.rest.repos.createDeployment({
        owner: 'acme',
        repo: 'ops',
        ref: 'main',
        environment: 'staging',
        required_contexts: [],
      })
    ).data as { id: number; node_id: string };
    const mutation = `mutation Status($id: ID!) {
      createDeploymentStatus(input: { deploymentId: $id, state: SUCCESS, description: "fraud@v2",
        environmentUrl: "https://staging.example.com", logUrl: "https://ci.example.com/1", autoInactive: false }) {
        deploymentStatus { id state description environmentUrl logUrl creator { login } deployment { id } }
      } }`;

    // Without the preview GitHub does not know the field: a schema error, nothing done.
    const plain = await raw(appToken, mutation, { id: deployment.node_id });
    assert.equal(plain.status, 200);
    assert.equal(plain.body.data, undefined);
    assert.deepEqual(
      plain.body.errors!.map((e: Answer) => [e.message, e.extensions?.code]),
      [["Field 'createDeploymentStatus' doesn't exist on type 'Mutation'", 'undefinedField']],
    );
    await assert.rejects(
      app.graphql(mutation, { id: deployment.node_id }),
      /doesn't exist on type 'Mutation'/,
    );
    const none = await app.rest.repos.listDeploymentStatuses({
      owner: 'acme',
      repo: 'ops',
      deployment_id: deployment.id,
    });
    assert.deepEqual(none.data, []);

    const answer = await app.graphql<Answer>(mutation, {
      id: deployment.node_id,
      mediaType: { previews: ['flash'] }, // Octokit's way to ask for a preview
    });
    const listed = (
      await app.rest.repos.listDeploymentStatuses({
        owner: 'acme',
        repo: 'ops',
        deployment_id: deployment.id,
      })
    ).data;
    assert.equal(listed.length, 1);
    const status = listed[0]!;
    assert.deepEqual(answer.createDeploymentStatus.deploymentStatus, {
      id: status.node_id,
      state: 'SUCCESS',
      description: 'fraud@v2',
      environmentUrl: 'https://staging.example.com',
      logUrl: 'https://ci.example.com/1',
      creator: { login: 'modelship' },
      deployment: { id: deployment.node_id },
    });
    assert.deepEqual(
      [status.state, status.environment_url, status.log_url, status.creator!.login],
      ['success', 'https://staging.example.com', 'https://ci.example.com/1', 'modelship[bot]'],
    );
    const [hook] = await delivered('deployment_status', (p) => p.deployment_status.id === status.id);
    assert.equal((hook?.payload as Answer).deployment_status.state, 'success');
    assert.equal((hook?.payload as Answer).sender.login, 'modelship[bot]');

    // createDeployment (the same preview) is REST's create-deployment: REST reads it, `deployment` webhook.
    const ref = (await app.rest.git.getRef({ owner: 'acme', repo: 'ops', ref: 'heads/main' })).data;
    const repo = (await app.rest.repos.get({ owner: 'acme', repo: 'ops' })).data;
    const deploy = `mutation Deploy($repo: ID!, $ref: ID!) {
      createDeployment(input: { repositoryId: $repo, refId: $ref, environment: "production",
        requiredContexts: [], payload: "{\\"model\\":\\"fraud@v2\\"}" }) {
        autoMerged deployment { id databaseId environment commitOid payload state }
      } }`;
    const refusedDeploy = await raw(appToken, deploy, { repo: repo.node_id, ref: ref.node_id });
    assert.equal(
      refusedDeploy.body.errors![0].message,
      "Field 'createDeployment' doesn't exist on type 'Mutation'",
    );
    const deployed = (
      await app.graphql<Answer>(deploy, { repo: repo.node_id, ref: ref.node_id, headers: FLASH })
    ).createDeployment;
    const viaRest = (
      await app.rest.repos.getDeployment({
        owner: 'acme',
        repo: 'ops',
        deployment_id: deployed.deployment.databaseId,
      })
    ).data;
    assert.deepEqual(deployed, {
      autoMerged: false,
      deployment: {
        id: viaRest.node_id,
        databaseId: viaRest.id,
        environment: 'production',
        commitOid: ref.object.sha,
        payload: '{"model":"fraud@v2"}',
        state: 'PENDING',
      },
    });
    assert.deepEqual(
      [viaRest.ref, viaRest.sha, viaRest.payload],
      ['main', ref.object.sha, { model: 'fraud@v2' }],
    );
    assert.equal((await delivered('deployment', (p) => p.deployment.id === viaRest.id)).length, 1);

    // DeploymentStatus.environment is in the preview too.
    const field = await raw(
      appToken,
      `query($id: ID!) { node(id: $id) { ... on DeploymentStatus { environment } } }`,
      {
        id: status.node_id,
      },
    );
    assert.equal(
      field.body.errors![0].message,
      "Field 'environment' doesn't exist on type 'DeploymentStatus'",
    );
    const withPreview = await raw(
      appToken,
      `query($id: ID!) { node(id: $id) { ... on DeploymentStatus { environment } } }`,
      { id: status.node_id },
      FLASH,
    );
    assert.deepEqual(withPreview.body, { data: { node: { environment: 'staging' } } });
  });
});

describe('GraphQL mutations: order, partial failure, permissions', () => {
  test('several mutations run one after another in document order; the failing one is null and the rest still run', async () => {
    const number = await gh.createPullRequest('acme/models', 'serial', { 's.txt': 's\n' });
    const pull = (await app.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    const repo = (await app.rest.repos.get({ owner: 'acme', repo: 'models' })).data;
    const head = (await models.git.refSha('refs/heads/main'))!;
    const since = gh.calls.length;
    const answer = await raw(
      appToken,
      `mutation Steps($pr: ID!, $repo: ID!, $oid: GitObjectID!) {
        first: addComment(input: { subjectId: $pr, body: "one" }) { commentEdge { node { databaseId } } }
        lock: createRef(input: { repositoryId: $repo, name: "refs/heads/serial-lock", oid: $oid }) { ref { name } }
        again: createRef(input: { repositoryId: $repo, name: "refs/heads/serial-lock", oid: $oid }) { ref { name } }
        last: addComment(input: { subjectId: $pr, body: "two" }) { commentEdge { node { databaseId } } }
      }`,
      { pr: pull.node_id, repo: repo.node_id, oid: head },
    );
    assert.equal(answer.status, 200);
    const { first, lock, again, last } = answer.body.data;
    assert.deepEqual(lock, { ref: { name: 'serial-lock' } });
    assert.equal(again, null, 'the second createRef saw the first one’s ref: they ran in order');
    assert.deepEqual(
      answer.body.errors!.map((e: Answer) => [e.type, e.path]),
      [['UNPROCESSABLE', ['again']]],
    );
    const comments = (
      await app.rest.issues.listComments({ owner: 'acme', repo: 'models', issue_number: number })
    ).data;
    assert.deepEqual(
      comments.map((c) => [c.id, c.body]),
      [
        [first.commentEdge.node.databaseId, 'one'],
        [last.commentEdge.node.databaseId, 'two'],
      ],
    );
    assert.ok(first.commentEdge.node.databaseId < last.commentEdge.node.databaseId);
    assert.equal(await models.git.refSha('refs/heads/serial-lock'), head);
    const calls = graphqlCalls(since);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]!.graphql?.fields, ['addComment', 'createRef', 'createRef', 'addComment']);
    assert.equal(calls[0]!.graphql?.operation, 'mutation');
    const hooks = await delivered('issue_comment', (p) => p.issue.number === number);
    assert.deepEqual(
      hooks.map((d) => (d.payload as Answer).comment.body),
      ['one', 'two'],
    );
  });

  test('ten clients racing to createRef one name: exactly one wins, the rest get "already exists"', async () => {
    const repo = (await app.rest.repos.get({ owner: 'acme', repo: 'ops' })).data;
    const head = (await ops.git.refSha('refs/heads/main'))!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        raw(
          appToken,
          `mutation($repo: ID!, $oid: GitObjectID!) {
            createRef(input: { repositoryId: $repo, name: "refs/heads/lock/race", oid: $oid }) { ref { name } } }`,
          { repo: repo.node_id, oid: head },
        ),
      ),
    );
    const won = answers.filter((a) => a.body.data?.createRef);
    const lost = answers.filter((a) => a.body.errors);
    assert.equal(won.length, 1);
    assert.equal(lost.length, 9);
    for (const a of lost)
      assert.equal(
        a.body.errors![0].message,
        'A ref named "refs/heads/lock/race" already exists in the repository.',
      );
    assert.equal((await delivered('create', (p) => p.ref === 'lock/race')).length, 1, 'one create webhook');
  });

  test('permissions as REST’s: contents:write for refs, issues for comments and reactions, deployments for statuses; a person needs push', async () => {
    const repo = (await owner.rest.repos.get({ owner: 'acme', repo: 'models' })).data;
    const head = (await models.git.refSha('refs/heads/main'))!;
    const number = await gh.createPullRequest('acme/models', 'perm', { 'p.txt': 'p\n' });
    const pull = (await owner.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: number })).data;
    const comment = (
      await owner.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: number,
        body: 'x',
      })
    ).data;
    const deployment = (
      await owner.rest.repos.createDeployment({
        owner: 'acme',
        repo: 'models',
        ref: 'main',
        required_contexts: [],
      })
    ).data as { node_id: string };
    const createRef = `mutation($repo: ID!, $oid: GitObjectID!) {
      createRef(input: { repositoryId: $repo, name: "refs/heads/not-allowed", oid: $oid }) { ref { name } } }`;

    const readOnly = await installationToken(['acme/models'], {
      contents: 'read',
      metadata: 'read',
      pull_requests: 'read',
    });
    const refused = await raw(readOnly, createRef, { repo: repo.node_id, oid: head });
    assert.deepEqual(refused.body.data, { createRef: null });
    assert.deepEqual(
      [refused.body.errors![0].type, refused.body.errors![0].message],
      ['FORBIDDEN', 'Resource not accessible by integration'],
    );
    assert.equal(await models.git.refSha('refs/heads/not-allowed'), undefined);
    const noIssues = await raw(
      readOnly,
      `mutation($pr: ID!, $c: ID!) {
        addComment(input: { subjectId: $pr, body: "no" }) { clientMutationId }
        addReaction(input: { subjectId: $c, content: HEART }) { clientMutationId }
      }`,
      { pr: pull.node_id, c: comment.node_id },
    );
    assert.deepEqual(
      noIssues.body.errors!.map((e: Answer) => [e.type, e.path[0]]),
      [
        ['FORBIDDEN', 'addComment'],
        ['FORBIDDEN', 'addReaction'],
      ],
    );
    const noDeployments = await raw(
      readOnly,
      `mutation($id: ID!) { createDeploymentStatus(input: { deploymentId: $id, state: FAILURE }) { clientMutationId } }`,
      { id: deployment.node_id },
      FLASH,
    );
    assert.equal(noDeployments.body.errors![0].type, 'FORBIDDEN');

    // A person who can read but not push: comments are fine (read suffices, as in REST), refs are not.
    gh.setPermission('acme/models', 'reader', 'read');
    const reader = gh.createToken('reader');
    const denied = await raw(reader, createRef, { repo: repo.node_id, oid: head });
    assert.deepEqual(
      [denied.body.errors![0].type, denied.body.errors![0].message],
      ['FORBIDDEN', 'reader does not have the correct permissions to execute `CreateRef`'],
    );
    const commented = await raw(
      reader,
      `mutation($pr: ID!) { addComment(input: { subjectId: $pr, body: "lgtm" }) { commentEdge { node { author { login } } } } }`,
      { pr: pull.node_id },
    );
    assert.deepEqual(commented.body.data.addComment.commentEdge.node.author, { login: 'reader' });

    // Someone who cannot see the repository: its ids resolve to nothing.
    const stranger = gh.createToken('stranger');
    const secret = gh.state.repo('acme', 'secret')!;
    const hidden = await raw(stranger, createRef.replace('not-allowed', 'x'), {
      repo: `R_${secret.id}`,
      oid: head,
    });
    assert.equal(hidden.body.errors![0].type, 'NOT_FOUND');
  });
});
