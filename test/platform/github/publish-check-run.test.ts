import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../../platform/github/client.js';
import { publishCheckRun } from '../../../platform/github/publish-check-run.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
let headSha: string;
before(async () => {
  gh = await startGitHubStandIn();
  headSha = (await gh.createRepo('acme/models')).headSha;
  octokit = createGitHubClient({
    token: gh.createWorkflowToken('acme/models'),
    baseUrl: gh.url,
    pacing: false,
  });
});
after(() => gh.close());

const request = (conclusion: 'success' | 'failure') => ({
  owner: 'acme',
  repo: 'models',
  headSha,
  name: 'Modelship drift',
  conclusion,
  output: {
    title: conclusion === 'failure' ? 'Drift in 3 of 4 columns' : 'No drift',
    summary: '### summary',
    text: 'details',
  },
});

test('a re-run updates the check run it made instead of adding another', async () => {
  const first = await publishCheckRun(octokit, request('failure'));
  const calls = gh.calls.length;
  const second = await publishCheckRun(octokit, request('success'));
  assert.equal(second.id, first.id);
  assert.deepEqual(
    gh.calls.slice(calls).map((c) => c.operationId),
    ['checks/list-for-ref', 'checks/update'],
  );
  const runs = [...gh.state.repo('acme', 'models')!.checkRuns.values()];
  assert.equal(runs.length, 1);
  assert.deepEqual([runs[0]!.status, runs[0]!.conclusion], ['completed', 'success']);
  assert.equal((runs[0]!.output as { title: string }).title, 'No drift');
});
