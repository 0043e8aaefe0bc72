import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
const repo = { owner: 'acme', repo: 'models' };

before(async () => {
  gh = await startGitHubStandIn();
  await gh.createRepo('acme/models', { files: { 'README.md': '# models\n' } });
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 2, pacing: false });
});
after(() => gh.close());
beforeEach(() => {
  gh.faults.clear();
  gh.calls.length = 0;
});

const status = async (promise: Promise<unknown>) =>
  ((await promise.catch((e: { status: number }) => e)) as { status: number }).status;
const sent = () => gh.calls.filter((c) => c.operationId === 'repos/get').length;

describe('GitHub client retries', () => {
  for (const refused of [403, 404, 409, 422]) {
    test(`a ${refused} is sent once: retrying cannot change the answer`, async () => {
      gh.faults.add({ kind: 'status', status: refused, times: 10, operationId: 'repos/get' });
      assert.equal(await status(octokit.rest.repos.get(repo)), refused);
      assert.equal(sent(), 1);
    });
  }

  test('a 500 is retried, a bounded number of times', async () => {
    gh.faults.add({ kind: 'status', status: 500, times: 10, operationId: 'repos/get' });
    assert.equal(await status(octokit.rest.repos.get(repo)), 500);
    assert.equal(sent(), 3, 'the first request and two retries');
  });

  test('a transient 502 is retried until it succeeds', async () => {
    gh.faults.add({ kind: 'status', status: 502, times: 1, operationId: 'repos/get' });
    const { data } = await octokit.rest.repos.get(repo);
    assert.equal(data.full_name, 'acme/models');
    assert.equal(sent(), 2);
  });
});

describe('GitHub client pacing', () => {
  const createLabel = (client: GitHubClient, name: string) =>
    client.rest.issues.createLabel({ ...repo, name, color: 'ededed' });

  test("'serial' (the app): writes unspaced, and GitHub's retry-after honoured in seconds", async () => {
    const app = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, pacing: 'serial' });
    const started = Date.now();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => createLabel(app, `serial-${n}`)));
    const unspaced = Date.now() - started;
    assert.ok(unspaced < 900, `5 writes in ${unspaced} ms: not spaced a second apart`);

    gh.faults.add({ kind: 'secondary-rate-limit', retryAfter: 1, operationId: 'issues/create-label' });
    const limited = Date.now();
    await createLabel(app, 'serial-after-limit');
    assert.ok(Date.now() - limited >= 1000, 'waited the retry-after second before trying again');
  });

  test('the default (CLI, actions): writes a second apart, as GitHub asks of bulk writers', async () => {
    const paced = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url });
    const started = Date.now();
    await Promise.all(['a', 'b', 'c'].map((n) => createLabel(paced, `paced-${n}`)));
    assert.ok(Date.now() - started >= 1900, 'three writes take at least two seconds');
  });
});
