import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubRegistryTagsWriter } from '../../../platform/registry/github-registry-tags-writer.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { gitIn, seedModelRepository } from '../../support/registry-standin.js';

let gh: GitHubStandIn;
let commits: string[];

before(async () => {
  gh = await startGitHubStandIn();
  ({ commits } = await seedModelRepository(gh, 'acme/models', 3));
});
after(() => gh.close());

const writer = (token = gh.createWorkflowToken('acme/models')) =>
  githubRegistryTagsWriter(
    createGitHubClient({ token, baseUrl: gh.url, pacing: false, retries: 0 }),
    'acme/models',
  );

describe('GitHub registry tag writer (Git Data API against the stand-in real git)', () => {
  test('writes an annotated tag object, then the ref: git sees a tag with the message and tagger', async () => {
    const result = await writer().createTag({
      name: 'churn@v0.0.1',
      commit: commits[0]!,
      message: 'Register churn v0.0.1\n\n```json\n{"a":1}\n```\n',
      tagger: { name: 'CI', email: 'ci@example.com', date: '2026-03-01T10:00:00Z' },
    });
    assert.equal(result.created, true);
    assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', 'refs/tags/churn@v0.0.1']), 'tag');
    assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', 'churn@v0.0.1^{commit}']), commits[0]);
    const listed = await gitIn(gh, 'acme/models', [
      'for-each-ref',
      '--format=%(refname:strip=2) %(objecttype) %(taggername) %(taggerdate:iso-strict)',
      'refs/tags/',
    ]);
    assert.equal(listed, 'churn@v0.0.1 tag CI 2026-03-01T10:00:00+00:00');
    assert.match(
      await gitIn(gh, 'acme/models', ['cat-file', 'tag', 'churn@v0.0.1']),
      /```json\n\{"a":1\}\n```/,
    );
    const calls = gh.calls.filter((c) => c.operationId?.startsWith('git/'));
    assert.deepEqual(
      calls.map((c) => c.operationId),
      ['git/create-tag', 'git/create-ref'],
    );
  });

  test('a name already taken is a lost claim: the existing tag is reported and nothing is overwritten', async () => {
    const before = gh.calls.length;
    const result = await writer().createTag({ name: 'churn@v0.0.1', commit: commits[1]!, message: 'late\n' });
    assert.equal(result.created, false);
    assert.ok(!result.created);
    assert.equal(result.existing.commit, commits[0]);
    assert.equal(result.existing.annotated, true);
    assert.match(result.existing.message ?? '', /^Register churn v0\.0\.1/);
    assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', 'churn@v0.0.1^{commit}']), commits[0]);
    assert.deepEqual(
      gh.calls.slice(before).map((c) => [c.operationId, c.status]),
      [
        ['git/create-tag', 201],
        ['git/create-ref', 422],
        ['git/get-ref', 200],
        ['git/get-tag', 200],
      ],
    );
  });

  test('eight writers racing for one name: exactly one wins, the others are told which commit won', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        writer().createTag({ name: 'race@v1.0.0', commit: commits[i % 3]!, message: `writer ${i}\n` }),
      ),
    );
    const winners = results.filter((r) => r.created);
    assert.equal(winners.length, 1);
    const winner = winners[0]!.created ? winners[0]!.tag : undefined;
    for (const r of results) if (!r.created) assert.equal(r.existing.commit, winner!.commit);
    assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', 'race@v1.0.0^{commit}']), winner!.commit);
  });

  test('a read-only token: the refusal says the workflow needs contents: write', async () => {
    const readOnly = gh.createWorkflowToken('acme/models', { contents: 'read', metadata: 'read' });
    await assert.rejects(
      writer(readOnly).createTag({ name: 'churn@v0.0.9', commit: commits[2]!, message: 'x\n' }),
      (error) => isUserError(error) && /permissions: contents: write/.test(error.message),
    );
    assert.equal(await gitIn(gh, 'acme/models', ['tag', '-l', 'churn@v0.0.9']), '');
  });

  test('a commit GitHub does not have is refused before any ref exists', async () => {
    await assert.rejects(
      writer().createTag({ name: 'churn@v0.0.8', commit: 'f'.repeat(40), message: 'x\n' }),
      (error) => isUserError(error) && /push it before registering/.test(error.message),
    );
  });
});
