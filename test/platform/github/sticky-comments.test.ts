import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PublishError } from '../../../jobs/ports/check-run-publisher.js';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { pullRequestComments } from '../../../platform/github/sticky-comments.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
let number: number;
before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models');
  number = await gh.createPullRequest('acme/models', 'candidate', { 'model.onnx': 'x' });
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, pacing: false });
});
after(() => gh.close());

const comments = () =>
  [...gh.state.repo('acme', 'models')!.comments.values()].filter((c) => c.issue_number === number);
const marker = (name: string) => `<!-- modelship:gate:${name} -->`;

test('the comment is found on a later page and edited in place, never added twice', async () => {
  // More comments than one page holds (100), so ours lands on the second page.
  for (let i = 0; i < 101; i++)
    await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'models',
      issue_number: number,
      body: `review ${i}`,
    });
  // A reply quoting the marker does not start with it: it is not ours.
  await octokit.rest.issues.createComment({
    owner: 'acme',
    repo: 'models',
    issue_number: number,
    body: `> ${marker('churn')}\n> quoted`,
  });
  const pr = pullRequestComments(octokit, { owner: 'acme', repo: 'models', number });

  const first = await pr.upsert({ marker: marker('churn'), body: `${marker('churn')}\nfirst push` });
  assert.equal(first.write, 'created');
  const calls = gh.calls.length;
  const second = await pr.upsert({ marker: marker('churn'), body: `${marker('churn')}\nsecond push` });
  assert.equal(second.write, 'updated');
  assert.equal(second.url, first.url);
  const made = gh.calls.slice(calls);
  assert.deepEqual(
    made.map((c) => c.operationId),
    ['issues/list-comments', 'issues/list-comments', 'issues/update-comment'],
    'both pages read, then the comment updated',
  );
  const again = await pr.upsert({ marker: marker('churn'), body: `${marker('churn')}\nsecond push` });
  assert.equal(again.write, 'unchanged');

  const ours = comments().filter((c) => String(c.body).startsWith(marker('churn')));
  assert.equal(ours.length, 1);
  assert.equal(ours[0]!.body, `${marker('churn')}\nsecond push`);
  assert.equal(comments().length, 103);
});

test('one comment per model: another name gets a comment of its own', async () => {
  const pr = pullRequestComments(octokit, { owner: 'acme', repo: 'models', number });
  assert.equal(
    (await pr.upsert({ marker: marker('fraud'), body: `${marker('fraud')}\nx` })).write,
    'created',
  );
  // `churn` is not a prefix match for `churn-v2`: the marker ends the line.
  assert.equal(
    (await pr.upsert({ marker: marker('churn-v2'), body: `${marker('churn-v2')}\ny` })).write,
    'created',
  );
  assert.equal(comments().filter((c) => String(c.body).startsWith('<!-- modelship:gate:')).length, 3);
});

test('a refused comment (403: a fork, no permission) is a PublishError the job reports', async () => {
  gh.faults.add({ kind: 'status', status: 403, operationId: 'issues/create-comment' });
  const pr = pullRequestComments(octokit, { owner: 'acme', repo: 'models', number });
  await assert.rejects(
    pr.upsert({ marker: marker('blocked'), body: `${marker('blocked')}\nz` }),
    (error: unknown) => error instanceof PublishError && error.reason === 'forbidden',
  );
});

test("a create that failed on GitHub's side is not blindly retried: the comments are read again first", async () => {
  gh.faults.add({ kind: 'status', status: 502, times: 1, operationId: 'issues/create-comment' });
  const pr = pullRequestComments(octokit, { owner: 'acme', repo: 'models', number });
  const calls = gh.calls.length;
  const result = await pr.upsert({ marker: marker('retry'), body: `${marker('retry')}\nw` });
  assert.equal(result.write, 'created');
  assert.deepEqual(
    gh.calls.slice(calls).map((c) => `${c.operationId} ${c.status}`),
    [
      'issues/list-comments 200',
      'issues/list-comments 200',
      'issues/create-comment 502',
      'issues/list-comments 200',
      'issues/list-comments 200',
      'issues/create-comment 201',
    ],
  );
  assert.equal(comments().filter((c) => String(c.body).startsWith(marker('retry'))).length, 1);
});

test("no request the stand-in answered broke GitHub's schema", () =>
  assert.deepEqual(gh.responseProblems, []));
