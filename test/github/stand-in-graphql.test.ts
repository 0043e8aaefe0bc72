import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import type { Repo } from '../support/github/state.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

// The registry reads tags and the promotion engine reads and writes the ops repository through
// GitHub's GraphQL API; the stand-in answers it over real git, and these tests hold it to git.
let gh: GitHubStandIn;
let models: Repo & { headSha: string };
let ops: Repo & { headSha: string };
let owner: GitHubClient;
let receiver: Server;
const client = (token: string) => createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });

/** Annotated tags (or lightweight ones) on `target`, all in one `git fast-import`. */
async function addTags(repo: Repo, names: string[], target: string, annotated = true) {
  if (!annotated) {
    await repo.git.git(
      ['update-ref', '--stdin'],
      names.map((n) => `create refs/tags/${n} ${target}\n`).join(''),
    );
    return;
  }
  const stream = names
    .map((name, i) => {
      const message = `Register ${name}\n\n{"model":"${name.split('@')[0]}","index":${i}}\n`;
      return `tag ${name}\nfrom ${target}\ntagger Registry Bot <bot@example.com> ${1_700_000_000 + i} +0200\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    })
    .join('');
  await repo.git.git(['fast-import', '--quiet'], stream);
}

/** A GraphQL call as bytes on the wire: HTTP status and parsed body. */
async function raw(token: string | undefined, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${gh.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Answer; errors?: Answer[] } };
}

const git = (repo: Repo, ...args: string[]) => repo.git.git(args);

/** A GraphQL answer: its shape is the query's, and every field read is compared with git. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

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
  ops = await gh.createRepo('acme/ops', {
    files: {
      'deploy/staging/values.yaml': 'image: registry/fraud:v1\n',
      'deploy/production/values.yaml': 'image: registry/fraud:v0\n',
      'README.md': '# ops\n',
    },
  });
  await gh.createRepo('acme/secret', { private: true });
  owner = client(gh.createToken('acme'));
});
after(async () => {
  receiver.closeAllConnections();
  await new Promise((ok) => receiver.close(ok));
  await gh.close();
});

describe('stand-in GraphQL: reads answered from git', () => {
  test('defaultBranchRef, ref and their commits match git', async () => {
    const { repository } = await owner.graphql<Answer>(
      `query Heads($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) {
          id name nameWithOwner isPrivate url
          defaultBranchRef { name prefix target { oid ... on Commit { tree { oid } committedDate message } } }
          main: ref(qualifiedName: "refs/heads/main") { name prefix target { oid } }
          short: ref(qualifiedName: "main") { name }
          missing: ref(qualifiedName: "refs/heads/nope") { name }
          expression: ref(qualifiedName: "main~1") { name }
        }
      }`,
      { owner: 'acme', name: 'ops' },
    );
    const [oid, tree, committed] = (await git(ops, 'log', '-1', '--format=%H %T %ct', 'main')).split(' ');
    assert.equal(repository.nameWithOwner, 'acme/ops');
    assert.equal(repository.isPrivate, false);
    assert.equal(repository.url, 'https://github.com/acme/ops');
    assert.deepEqual(repository.defaultBranchRef, {
      name: 'main',
      prefix: 'refs/heads/',
      target: {
        oid,
        tree: { oid: tree },
        committedDate: new Date(Number(committed) * 1000).toISOString().replace('.000', ''),
        message: 'Initial commit',
      },
    });
    assert.deepEqual(repository.main, { name: 'main', prefix: 'refs/heads/', target: { oid } });
    assert.deepEqual(repository.short, { name: 'main' });
    assert.equal(repository.missing, null);
    assert.equal(repository.expression, null, 'a revision expression is not a ref');
    assert.equal(
      gh.calls.filter((c) => c.operationId === 'graphql' && c.graphql?.operationName === 'Heads').length,
      1,
      'each call is in gh.calls with its operation name',
    );
  });

  test('refs: annotated tags as Tag objects, lightweight ones as their Commit, as git has them', async () => {
    await addTags(models, ['fraud@v1.0.0', 'fraud@v1.1.0', 'churn@v2.0.0'], models.headSha);
    await addTags(models, ['light'], models.headSha, false);
    const { repository } = await owner.graphql<Answer>(
      `{ repository(owner: "acme", name: "models") {
          refs(refPrefix: "refs/tags/", first: 10) {
            totalCount
            nodes { name prefix target { __typename oid
              ... on Tag { name message tagger { name email date } target { __typename oid } }
              ... on Commit { commitMessage: message } } }
          } } }`,
    );
    const listed = (
      await git(
        models,
        'for-each-ref',
        '--format=%(refname:strip=2) %(objectname) %(objecttype)',
        'refs/tags/',
      )
    )
      .split('\n')
      .map((l) => l.split(' '));
    assert.equal(repository.refs.totalCount, 4);
    assert.deepEqual(
      repository.refs.nodes.map((n: Answer) => [n.name, n.target.oid, n.target.__typename.toLowerCase()]),
      listed,
    );
    const fraud = repository.refs.nodes.find((n: Answer) => n.name === 'fraud@v1.0.0');
    const tagText = await git(models, 'cat-file', 'tag', fraud.target.oid);
    assert.equal(fraud.prefix, 'refs/tags/');
    assert.equal(fraud.target.message, tagText.slice(tagText.indexOf('\n\n') + 2));
    assert.match(fraud.target.message, /^Register fraud@v1\.0\.0\n\n\{"model":"fraud"/);
    assert.deepEqual(fraud.target.tagger, {
      name: 'Registry Bot',
      email: 'bot@example.com',
      date: '2023-11-15T00:13:20+02:00',
    });
    assert.deepEqual(fraud.target.target, { __typename: 'Commit', oid: models.headSha });
    const light = repository.refs.nodes.find((n: Answer) => n.name === 'light');
    assert.deepEqual(light.target, {
      __typename: 'Commit',
      oid: models.headSha,
      commitMessage: 'Initial commit',
    });
  });

  test('refs: 250 refs in pages of 100 by cursor, in git order; query filters by name; orderBy', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `page@v${i}.0.0`);
    await addTags(models, names, models.headSha);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { repository }: Answer = await owner.graphql(
        `query($after: String) { repository(owner: "acme", name: "models") {
            refs(refPrefix: "refs/tags/", query: "page@", first: 100, after: $after) {
              totalCount nodes { name } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      pages++;
      assert.equal(repository.refs.totalCount, 250);
      seen.push(...repository.refs.nodes.map((n: { name: string }) => n.name));
      if (!repository.refs.pageInfo.hasNextPage) break;
      after = repository.refs.pageInfo.endCursor;
    }
    assert.equal(pages, 3);
    const fromGit = (await git(models, 'for-each-ref', '--format=%(refname:strip=2)', 'refs/tags/page@*'))
      .split('\n')
      .filter((n) => n.startsWith('page@'));
    assert.deepEqual(seen, fromGit);
    const { repository: newest }: Answer = await owner.graphql(
      `{ repository(owner: "acme", name: "models") {
          refs(refPrefix: "refs/tags/", query: "v24", first: 3, orderBy: { field: ALPHABETICAL, direction: DESC }) {
            nodes { name } } } }`,
    );
    assert.deepEqual(
      newest.refs.nodes.map((n: { name: string }) => n.name),
      ['page@v249.0.0', 'page@v248.0.0', 'page@v247.0.0'],
    );
  });

  test('refs: orderBy TAG_COMMIT_DATE orders by the committer date of the commit tagged, as git dates it', async () => {
    const tree = await git(models, 'rev-parse', `${models.headSha}^{tree}`);
    const dated = async (date: string) =>
      models.git.commit(tree, [models.headSha], `at ${date}`, undefined, date);
    const [late, early] = await Promise.all([dated('2030-01-01T00:00:00Z'), dated('2029-01-01T00:00:00Z')]);
    await addTags(models, ['dated@late-annotated'], late);
    await addTags(models, ['dated@early-light'], early, false);
    await addTags(models, ['dated@early-annotated'], early);
    await addTags(models, ['dated@tree'], tree, false);
    const { repository }: Answer = await owner.graphql(
      `{ repository(owner: "acme", name: "models") {
          refs(refPrefix: "refs/tags/dated@", first: 10, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
            nodes { name } } } }`,
    );
    const fromGit = (
      await git(
        models,
        'for-each-ref',
        '--format=%(refname:strip=2) %(*committerdate:unix) %(committerdate:unix)',
        'refs/tags/',
      )
    )
      .split('\n')
      .filter((l) => l.startsWith('dated@'))
      .map((l) => {
        const [name = '', peeled, own] = l.split(' ');
        return { name: name.slice('dated@'.length), date: Number(peeled || own || 0) };
      })
      .sort((a, b) => a.date - b.date || (a.name < b.name ? -1 : 1))
      .reverse();
    assert.deepEqual(
      repository.refs.nodes.map((n: { name: string }) => n.name),
      fromGit.map((r) => r.name),
    );
    assert.deepEqual(
      fromGit.map((r) => r.name),
      ['late-annotated', 'early-light', 'early-annotated', 'tree'],
    );
  });

  test('refs: more than 100 or no page size is refused as GitHub refuses it', async () => {
    const token = gh.createToken('acme');
    const tooMany = await raw(
      token,
      '{ repository(owner: "acme", name: "models") { refs(refPrefix: "refs/tags/", first: 101) { totalCount } } }',
    );
    assert.equal(tooMany.status, 200);
    assert.equal(tooMany.body.errors![0].type, 'EXCESSIVE_PAGINATION');
    assert.equal(
      tooMany.body.errors![0].message,
      'Requesting 101 records on the `refs` connection exceeds the `first` limit of 100 records.',
    );
    assert.deepEqual(tooMany.body.errors![0].path, ['repository', 'refs']);
    const unbounded = await raw(
      token,
      '{ repository(owner: "acme", name: "models") { refs(refPrefix: "refs/tags/") { totalCount } } }',
    );
    assert.equal(unbounded.body.errors![0].type, 'MISSING_PAGINATION_BOUNDARIES');
  });

  test('object: blobs, trees and commits by expression, as git cat-file and ls-tree show them', async () => {
    await ops.git.git(['update-ref', 'refs/heads/binary', ops.headSha]);
    const { repository } = await owner.graphql<Answer>(
      `query($values: String!) { repository(owner: "acme", name: "ops") {
          values: object(expression: $values) { __typename ... on Blob { oid text byteSize isBinary isTruncated } }
          deploy: object(expression: "main:deploy/staging") { ... on Tree { oid entries { name path type mode oid size } } }
          root: object(expression: "main:") { ... on Tree { entries { name type } } }
          commit: object(expression: "main") { __typename oid }
          missing: object(expression: "main:nope.yaml") { oid }
        } }`,
      { values: 'main:deploy/staging/values.yaml' },
    );
    const blobOid = await git(ops, 'rev-parse', 'main:deploy/staging/values.yaml');
    assert.deepEqual(repository.values, {
      __typename: 'Blob',
      oid: blobOid,
      text: await git(ops, 'cat-file', 'blob', blobOid).then((t) => `${t}\n`),
      byteSize: Number(await git(ops, 'cat-file', '-s', blobOid)),
      isBinary: false,
      isTruncated: false,
    });
    const [mode, type, oid] = (await git(ops, 'ls-tree', 'main:deploy/staging')).split(/\s+/);
    assert.deepEqual(repository.deploy, {
      oid: await git(ops, 'rev-parse', 'main:deploy/staging'),
      entries: [
        {
          name: 'values.yaml',
          path: 'deploy/staging/values.yaml',
          type,
          mode: parseInt(mode!, 8),
          oid,
          size: 25,
        },
      ],
    });
    assert.deepEqual(repository.root.entries, [
      { name: 'README.md', type: 'blob' },
      { name: 'deploy', type: 'tree' },
    ]);
    assert.deepEqual(repository.commit, { __typename: 'Commit', oid: ops.headSha });
    assert.equal(repository.missing, null);
  });

  test('a binary blob has no text', async () => {
    const oid = await models.git.writeBlob(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const { repository } = await owner.graphql<Answer>(
      `query($oid: GitObjectID!) { repository(owner: "acme", name: "models") {
          object(oid: $oid) { ... on Blob { isBinary text byteSize } } } }`,
      { oid },
    );
    assert.deepEqual(repository.object, { isBinary: true, text: null, byteSize: 7 });
  });
});

describe('stand-in GraphQL: errors in GitHub shape', () => {
  test('a misspelled field fails validation: HTTP 200, errors, no data, nothing executed', async () => {
    const { status, body } = await raw(
      gh.createToken('acme'),
      '{ repository(owner: "acme", name: "models") { refs(refPrefix: "refs/tags/", first: 1) { nodes { nmae } } } }',
    );
    assert.equal(status, 200);
    assert.equal(body.data, undefined);
    assert.deepEqual(body.errors, [
      {
        locations: [{ line: 1, column: 97 }],
        message: "Field 'nmae' doesn't exist on type 'Ref'",
        extensions: { code: 'undefinedField', typeName: 'Ref', fieldName: 'nmae' },
      },
    ]);
    const unknownArgument = await raw(
      gh.createToken('acme'),
      '{ repository(owner: "acme", name: "models", branch: "x") { id } }',
    );
    assert.equal(
      unknownArgument.body.errors![0].message,
      "Field 'repository' doesn't accept argument 'branch'",
    );
  });

  test('a field the stand-in does not implement is an error naming it, never a silent null', async () => {
    await assert.rejects(
      owner.graphql('{ repository(owner: "acme", name: "models") { name stargazerCount } }'),
      /not implemented by the stand-in: Repository\.stargazerCount/,
    );
    // Also behind a target whose id is known before its object is read.
    await assert.rejects(
      owner.graphql(
        '{ repository(owner: "acme", name: "models") { refs(refPrefix: "refs/heads/", first: 1) { nodes { target { oid ... on Commit { pushedDate } } } } } }',
      ),
      /not implemented by the stand-in: Commit\.pushedDate/,
    );
  });

  test('private repositories do not exist for strangers; an installation without contents cannot read git', async () => {
    const query = '{ repository(owner: "acme", name: "secret") { name defaultBranchRef { name } } }';
    const stranger = await raw(gh.createToken('stranger'), query);
    assert.deepEqual(stranger.body.data, { repository: null });
    assert.equal(stranger.body.errors![0].type, 'NOT_FOUND');
    assert.equal(
      stranger.body.errors![0].message,
      "Could not resolve to a Repository with the name 'acme/secret'.",
    );
    assert.equal((await raw(gh.createToken('acme'), query)).body.data.repository.name, 'secret');
    assert.equal((await raw(undefined, query)).status, 401);

    const noContents = gh.createWorkflowToken('acme/models', { metadata: 'read', issues: 'write' });
    const refs = await raw(
      noContents,
      '{ repository(owner: "acme", name: "models") { name refs(refPrefix: "refs/tags/", first: 1) { totalCount } } }',
    );
    assert.equal(refs.body.data.repository.name, 'models', 'metadata is readable');
    assert.equal(refs.body.data.repository.refs, null);
    assert.deepEqual(
      {
        type: refs.body.errors![0].type,
        message: refs.body.errors![0].message,
        path: refs.body.errors![0].path,
      },
      { type: 'FORBIDDEN', message: 'Resource not accessible by integration', path: ['repository', 'refs'] },
    );
    const elsewhere = await raw(noContents, '{ repository(owner: "acme", name: "ops") { name } }');
    assert.equal(elsewhere.body.errors![0].type, 'NOT_FOUND', 'outside the token’s repositories');
  });
});

const commitMutation = `mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    clientMutationId
    commit { oid url message }
    ref { name target { oid } }
  } }`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('stand-in GraphQL: createCommitOnBranch', () => {
  test('writes real git objects as the app, moves the branch, and sends the push webhook a REST update would', async () => {
    const installation = gh.installApp('acme', ['acme/ops'], { contents: 'write', metadata: 'read' });
    const auth = createAppAuth({
      appId: gh.app.id,
      privateKey: gh.app.privateKey,
      request: new Octokit({ baseUrl: gh.url }).request,
    });
    const app = client((await auth({ type: 'installation', installationId: installation })).token);
    const head = (await git(ops, 'rev-parse', 'main'))!;
    const calls = gh.calls.length;
    const result = await app.graphql<Answer>(commitMutation, {
      input: {
        branch: { repositoryNameWithOwner: 'acme/ops', branchName: 'main' },
        message: {
          headline: 'Promote fraud v1.1.0 to staging (was v1.0.0)',
          body: 'Modelship-Model: fraud@v1.1.0',
        },
        fileChanges: {
          additions: [
            { path: 'deploy/staging/values.yaml', contents: b64('image: registry/fraud:v1.1.0\n') },
            { path: 'deploy/staging/new/notes.txt', contents: b64('promoted\n') },
          ],
          deletions: [{ path: 'README.md' }],
        },
        expectedHeadOid: head,
        clientMutationId: 'promote-1',
      },
    });
    const { commit, ref, clientMutationId } = result.createCommitOnBranch;
    assert.equal(clientMutationId, 'promote-1');
    assert.equal(await git(ops, 'rev-parse', 'main'), commit.oid);
    assert.deepEqual(ref, { name: 'main', target: { oid: commit.oid } });
    assert.equal(commit.url, `https://github.com/acme/ops/commit/${commit.oid}`);
    assert.equal(
      commit.message,
      'Promote fraud v1.1.0 to staging (was v1.0.0)\n\nModelship-Model: fraud@v1.1.0',
    );
    assert.equal(await git(ops, 'show', 'main:deploy/staging/values.yaml'), 'image: registry/fraud:v1.1.0');
    assert.equal(await git(ops, 'show', 'main:deploy/staging/new/notes.txt'), 'promoted');
    assert.equal(await git(ops, 'show', 'main:deploy/production/values.yaml'), 'image: registry/fraud:v0');
    assert.deepEqual((await git(ops, 'ls-tree', '-r', '--name-only', 'main')).split('\n'), [
      'deploy/production/values.yaml',
      'deploy/staging/new/notes.txt',
      'deploy/staging/values.yaml',
    ]);
    assert.equal(await git(ops, 'rev-parse', 'main^'), head);
    await git(ops, 'fsck', '--strict', '--no-dangling');
    const botId = gh.state.users.get('modelship[bot]')!.id;
    assert.equal(
      await git(ops, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', 'main'),
      `modelship[bot] <${botId}+modelship[bot]@users.noreply.github.com>|GitHub <noreply@github.com>`,
    );
    const mine = gh.calls.slice(calls).filter((c) => c.operationId === 'graphql');
    assert.deepEqual(
      mine.map((c) => [c.graphql?.operation, c.graphql?.rootField, c.graphql?.operationName, c.status]),
      [['mutation', 'createCommitOnBranch', 'Commit', 200]],
    );

    await gh.webhooksSettled();
    const push = gh.deliveries.filter((d) => d.event === 'push' && d.payload.after === commit.oid);
    assert.equal(push.length, 1, 'one push webhook');
    const payload = push[0]!.payload as Answer;
    assert.equal(payload.ref, 'refs/heads/main');
    assert.equal(payload.before, head);
    assert.equal(payload.sender.login, 'modelship[bot]');
    assert.deepEqual(payload.head_commit.added, ['deploy/staging/new/notes.txt']);
    assert.deepEqual(payload.head_commit.removed, ['README.md']);
    assert.deepEqual(payload.head_commit.modified, ['deploy/staging/values.yaml']);
  });

  test('expectedHeadOid is a compare-and-swap: a stale head is refused with STALE_DATA and nothing moves', async () => {
    const head = await git(ops, 'rev-parse', 'main');
    const stale = await git(ops, 'rev-parse', 'main^');
    const input = (expectedHeadOid: string, text: string) => ({
      input: {
        branch: { repositoryNameWithOwner: 'acme/ops', branchName: 'main' },
        message: { headline: text },
        fileChanges: {
          additions: [{ path: 'deploy/production/values.yaml', contents: b64(`image: ${text}\n`) }],
        },
        expectedHeadOid,
      },
    });
    const refused = await raw(gh.createToken('acme'), commitMutation, input(stale, 'late'));
    assert.equal(refused.status, 200);
    assert.deepEqual(refused.body.data, { createCommitOnBranch: null });
    assert.equal(refused.body.errors![0].type, 'STALE_DATA');
    assert.equal(
      refused.body.errors![0].message,
      `Expected branch to point to "${stale}" but it did not. Pull and try again.`,
    );
    assert.equal(await git(ops, 'rev-parse', 'main'), head);

    // Five writers from the same head: exactly one wins.
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        raw(gh.createToken('acme'), commitMutation, input(head, `racer-${i}`)),
      ),
    );
    const won = racing.filter((r) => r.body.data?.createCommitOnBranch);
    assert.equal(won.length, 1);
    assert.ok(racing.filter((r) => r.body.errors).every((r) => r.body.errors![0].type === 'STALE_DATA'));
    assert.equal(await git(ops, 'rev-parse', 'main'), won[0]!.body.data.createCommitOnBranch.commit.oid);
    assert.equal(await git(ops, 'rev-parse', 'main^'), head);
  });

  test('refuses deleting a missing file, a missing branch, and writers without push access', async () => {
    const head = await git(ops, 'rev-parse', 'main');
    const mutate = (token: string, changes: Record<string, unknown>, branchName = 'main') =>
      raw(token, commitMutation, {
        input: {
          branch: { repositoryNameWithOwner: 'acme/ops', branchName },
          message: { headline: 'x' },
          fileChanges: changes,
          expectedHeadOid: head,
        },
      });
    const missingFile = await mutate(gh.createToken('acme'), { deletions: [{ path: 'nope.txt' }] });
    assert.match(missingFile.body.errors![0].message, /does not exist as of commit oid/);
    const missingBranch = await mutate(gh.createToken('acme'), {}, 'nope');
    assert.equal(missingBranch.body.errors![0].type, 'NOT_FOUND');
    gh.setPermission('acme/ops', 'reader', 'read');
    const reader = await mutate(gh.createToken('reader'), {
      deletions: [{ path: 'deploy/production/values.yaml' }],
    });
    assert.equal(reader.body.errors![0].type, 'FORBIDDEN');
    const readOnly = await mutate(
      gh.createWorkflowToken('acme/ops', { contents: 'read', metadata: 'read' }),
      {},
    );
    assert.deepEqual(
      [readOnly.body.errors![0].type, readOnly.body.errors![0].message],
      ['FORBIDDEN', 'Resource not accessible by integration'],
    );
    const badBase64 = await mutate(gh.createToken('acme'), {
      additions: [{ path: 'a.txt', contents: 'not base64!' }],
    });
    assert.match(badBase64.body.errors![0].message, /not valid Base64/);
    assert.equal(await git(ops, 'rev-parse', 'main'), head, 'nothing moved');
  });
});

describe('stand-in GraphQL: limits and faults as for REST', () => {
  test('counts against the rate limit, obeys faults for operationId graphql, and rateLimit tells the window', async () => {
    const token = gh.createToken('acme');
    const retrying = createGitHubClient({ token, baseUrl: gh.url, retries: 2, pacing: false });
    gh.faults.add({ kind: 'status', status: 502, operationId: 'graphql' });
    const before = gh.calls.length;
    const { rateLimit } = await retrying.graphql<Answer>(
      '{ rateLimit { cost limit remaining used resetAt } }',
    );
    const mine = gh.calls.slice(before);
    assert.deepEqual(
      mine.map((c) => [c.operationId, c.status, c.fault]),
      [
        ['graphql', 502, 'status-502'],
        ['graphql', 200, undefined],
      ],
    );
    assert.equal(rateLimit.cost, 1);
    assert.equal(rateLimit.used, 2, 'both attempts counted');
    assert.equal(rateLimit.remaining, rateLimit.limit - 2);
    gh.rateLimits.set(`bearer ${token}`, { limit: 2, used: 2 });
    const spent = await raw(token, '{ viewer { login } }');
    assert.equal(spent.status, 403);
  });
});
