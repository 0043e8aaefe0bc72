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
    const merged = await app.graphql<Answer>(pullQuery, { owner: 'acme', name: 'models', number });
    assert.equal(merged.repository.pullRequest.state, 'MERGED');
    assert.equal(merged.repository.pullRequest.merged, true);
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
