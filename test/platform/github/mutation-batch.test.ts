import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { mutationBatch, type Mutation } from '../../../platform/github/mutation-batch.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

// The command's mutation batch through the stand-in's GraphQL: queued writes ride at the head of the
// next request, in order; whatever fails there has its REST fallback run, nothing is lost. (~2 s)
let gh: GitHubStandIn;
let octokit: GitHubClient;
let head: string;
let repositoryId: string;
const repo = { owner: 'acme', repo: 'models' };
before(async () => {
  gh = await startGitHubStandIn();
  head = (await gh.createRepo('acme/models', { files: { 'README.md': 'models\n' } })).headSha;
  gh.setPermission('acme/models', 'alice', 'write');
  octokit = createGitHubClient({ token: gh.createToken('alice'), baseUrl: gh.url, pacing: false });
  repositoryId = (await octokit.rest.repos.get(repo)).data.node_id;
});
after(() => gh.close());

const createRef = (name: string): Mutation => ({
  field: 'createRef(input: $input) { ref { name } }',
  inputType: 'CreateRefInput!',
  input: { repositoryId, name, oid: head },
  idempotent: true,
});
const deleteRef = (refId: string, fallback: () => Promise<unknown>): Mutation => ({
  field: 'deleteRef(input: $input) { clientMutationId }',
  inputType: 'DeleteRefInput!',
  input: { refId },
  idempotent: true,
  fallback,
});
const refs = async () =>
  (await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'heads/b' })).data.map((r) => r.ref);

test('a queued mutation travels ahead of the next request, in one call', async () => {
  const { data } = await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/b1', sha: head });
  const batch = mutationBatch(octokit);
  let fallbacks = 0;
  batch.defer(deleteRef(data.node_id, async () => fallbacks++));
  assert.equal(batch.pending, 1);
  const start = gh.calls.length;
  const [result] = await batch.send([createRef('refs/heads/b2')]);
  assert.deepEqual(result, { ok: true, data: { ref: { name: 'b2' } } });
  assert.equal(batch.pending, 0);
  assert.deepEqual(
    gh.calls.slice(start).map((c) => c.graphql?.fields),
    [['deleteRef', 'createRef']],
  );
  assert.equal(fallbacks, 0);
  assert.deepEqual(await refs(), ['refs/heads/b2']);
});

test('a failed mutation has its fallback run; the others of the request still happen', async () => {
  const batch = mutationBatch(octokit);
  const ran: string[] = [];
  batch.defer(deleteRef('REF_not-a-ref', async () => ran.push('fallback')));
  const [made, again] = await batch.send([createRef('refs/heads/b3'), createRef('refs/heads/b3')]);
  assert.equal(made!.ok, true);
  assert.equal(again!.ok, false, 'the second createRef of one name fails');
  if (!again!.ok) assert.equal(again!.maybe, false);
  assert.deepEqual(ran, ['fallback']);
  assert.deepEqual(await refs(), ['refs/heads/b2', 'refs/heads/b3']);
});

test('a request without an answer runs every queued fallback and reports "maybe" for its own', async () => {
  const batch = mutationBatch(octokit);
  const ran: string[] = [];
  batch.defer(deleteRef('REF_x', async () => ran.push('first')));
  batch.defer(deleteRef('REF_y', async () => ran.push('second')));
  gh.faults.add({ kind: 'status', status: 502, operationId: 'graphql' });
  const [result] = await batch.send([{ ...createRef('refs/heads/b4'), idempotent: false }]);
  assert.equal(result!.ok, false);
  if (!result!.ok) assert.equal(result!.maybe, true);
  assert.deepEqual(ran, ['first', 'second']);
});
