import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
let head: string;
const repo = { owner: 'acme', repo: 'deploys' };

before(async () => {
  gh = await startGitHubStandIn();
  head = (await gh.createRepo('acme/deploys', { files: { 'app.txt': 'one\ntwo\n' } })).headSha;
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(async () => {
  await gh.close();
});

type Failure = { status: number; response: { data: { message: string; errors?: unknown[] } } };
const failure = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: Failure) => e,
  )) as Failure;

const mainSha = async () => (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;

async function commitOn(branch: string, path: string, content: string) {
  const current = await octokit.rest.repos
    .getContent({ ...repo, path, ref: branch })
    .then((r) => (r.data as { sha: string }).sha)
    .catch(() => undefined);
  const { data } = await octokit.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch,
    message: `${path} on ${branch}`,
    content: Buffer.from(content).toString('base64'),
    ...(current ? { sha: current } : {}),
  });
  return data.commit.sha!;
}

describe('stand-in deployments', () => {
  test('required contexts: every reported context must pass (statuses and check runs); [] skips', async () => {
    // Check runs come from a workflow's token (people may not write them).
    const workflow = createGitHubClient({
      token: gh.createWorkflowToken('acme/deploys'),
      baseUrl: gh.url,
      retries: 0,
      pacing: false,
    });
    await octokit.rest.repos.createCommitStatus({ ...repo, sha: head, context: 'ci/lint', state: 'pending' });
    await octokit.rest.repos.createCommitStatus({ ...repo, sha: head, context: 'ci/lint', state: 'success' });
    const run = await workflow.rest.checks.create({
      ...repo,
      head_sha: head,
      name: 'evaluate',
      status: 'in_progress',
    });
    const refused = await failure(
      octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'qa' }),
    );
    assert.equal(refused.status, 409);
    assert.equal(refused.response.data.message, 'Conflict: Commit status checks failed for main.');
    assert.deepEqual(refused.response.data.errors, [
      {
        contexts: [
          { context: 'ci/lint', state: 'success' },
          { context: 'evaluate', state: 'pending' },
        ],
        resource: 'Deployment',
        field: 'required_contexts',
        code: 'invalid',
      },
    ]);
    const only = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'qa',
      required_contexts: ['ci/lint'],
    });
    assert.equal(only.status, 201);
    const skipped = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'qa',
      required_contexts: [],
    });
    assert.equal(skipped.status, 201);
    await workflow.rest.checks.update({ ...repo, check_run_id: run.data.id, conclusion: 'neutral' });
    const passing = await octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'qa' });
    assert.equal(passing.status, 201);
    const missing = await failure(
      octokit.rest.repos.createDeployment({ ...repo, ref: 'main', required_contexts: ['security'] }),
    );
    assert.equal(missing.status, 409);
  });

  test('auto_merge: a branch behind main gets main merged in (202), a conflict is 409', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/topic', sha: await mainSha() });
    const topic = await commitOn('topic', 'topic.txt', 'topic\n');
    const hotfix = await commitOn('main', 'hotfix.txt', 'fix\n');
    const merged = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'topic',
      required_contexts: [],
    });
    assert.equal(merged.status, 202);
    assert.equal((merged.data as { message: string }).message, 'Auto-merged main into topic on deployment.');
    const tip = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/topic' })).data.object.sha;
    const commit = await octokit.rest.git.getCommit({ ...repo, commit_sha: tip });
    assert.deepEqual(
      commit.data.parents.map((p) => p.sha),
      [topic, hotfix],
    );
    assert.equal(
      (await octokit.rest.repos.listDeployments({ ...repo, ref: 'topic' })).data.length,
      0,
      'no deployment yet',
    );
    const now = await octokit.rest.repos.createDeployment({ ...repo, ref: 'topic', required_contexts: [] });
    assert.equal(now.status, 201, 'up to date: deployed');

    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/clash', sha: await mainSha() });
    await commitOn('clash', 'app.txt', 'one\nTWO (clash)\n');
    await commitOn('main', 'app.txt', 'one\nTWO (main)\n');
    const conflict = await failure(
      octokit.rest.repos.createDeployment({ ...repo, ref: 'clash', required_contexts: [] }),
    );
    assert.equal(conflict.status, 409);
    assert.equal(conflict.response.data.message, 'Conflict merging main into clash.');
    const behind = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'clash',
      auto_merge: false,
      required_contexts: [],
    });
    assert.equal(behind.status, 201, 'auto_merge: false deploys the branch as it is');
  });

  test('auto_inactive: a success marks earlier successful deployments of the environment inactive', async () => {
    const deploy = async (environment: string, extra: Record<string, unknown> = {}) => {
      const { data } = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: 'main',
        environment,
        auto_merge: false,
        required_contexts: [],
        ...extra,
      });
      return (data as { id: number }).id;
    };
    const states = async (id: number) =>
      (await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id })).data.map(
        (s) => s.state,
      );
    const first = await deploy('staging');
    const other = await deploy('review');
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: first,
      state: 'success',
      environment_url: 'https://staging.example.com',
      log_url: 'https://ci.example.com/1',
    });
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: other, state: 'success' });
    const second = await deploy('staging');
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: second, state: 'in_progress' });
    assert.deepEqual(await states(first), ['success'], 'only a success supersedes');
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: second, state: 'success' });
    assert.deepEqual(await states(first), ['inactive', 'success']);
    assert.deepEqual(await states(other), ['success'], 'another environment is untouched');
    const kept = (await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: first }))
      .data[1]!;
    assert.deepEqual(
      [kept.environment_url, kept.log_url],
      ['https://staging.example.com', 'https://ci.example.com/1'],
    );
    const third = await deploy('staging');
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: third,
      state: 'success',
      auto_inactive: false,
    });
    assert.deepEqual(
      await states(second),
      ['success', 'in_progress'],
      'auto_inactive: false keeps it active',
    );

    const active = await failure(octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: second }));
    assert.equal(active.status, 422);
    await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: first });
    assert.equal(
      (await failure(octokit.rest.repos.getDeployment({ ...repo, deployment_id: first }))).status,
      404,
    );
  });
});
