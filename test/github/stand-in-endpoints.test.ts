import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';
import type { Repo } from '../support/github/state.js';

let gh: GitHubStandIn;
let octokit: GitHubClient;
let models: Repo & { headSha: string };
const repo = { owner: 'acme', repo: 'models' };

const PROMOTE = `name: Promote
on:
  workflow_dispatch:
    inputs:
      model:
        description: Model version
        required: true
      stage:
        type: choice
        options: [staging, production]
        default: staging
`;
const CI = 'name: CI\non: [push, pull_request]\njobs: {}\n';

before(async () => {
  gh = await startGitHubStandIn();
  models = await gh.createRepo('acme/models', {
    files: {
      'README.md': '# models\n',
      '.github/workflows/promote.yml': PROMOTE,
      '.github/workflows/ci.yml': CI,
      '.github/workflows/notes.txt': 'not a workflow\n',
    },
  });
  octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, retries: 0, pacing: false });
});
after(async () => {
  await gh.close();
});

/** Status, message and `errors` of a refused call. */
async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => assert.fail('expected the call to be refused'),
    (e: unknown) => e,
  )) as { status: number; response?: { data?: { message?: string; errors?: unknown[] } } };
  return {
    status: error.status,
    message: error.response?.data?.message,
    errors: error.response?.data?.errors,
  };
}

describe('list tags', () => {
  test('lightweight and annotated tags, by name in reverse order, peeled to their commit', async () => {
    const sha = models.headSha;
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/model-v1.9', sha });
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'model-v1.10',
      message: 'v1.10',
      object: sha,
      type: 'commit',
      tagger: { name: 'a', email: 'a@example.com' },
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/model-v1.10', sha: tag.data.sha });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/data#2', sha });
    const { data } = await octokit.rest.repos.listTags(repo);
    assert.deepEqual(
      data.map((t) => t.name),
      ['model-v1.9', 'model-v1.10', 'data#2'],
    );
    assert.ok(
      data.every((t) => t.commit.sha === sha),
      'annotated tags are peeled to the commit',
    );
    assert.match(data[2]!.zipball_url, /\/zipball\/refs\/tags\/data%232$/);
    const paged = await octokit.rest.repos.listTags({ ...repo, per_page: 2, page: 2 });
    assert.deepEqual(
      paged.data.map((t) => t.name),
      ['data#2'],
    );
  });
});

describe('commit statuses', () => {
  test('create, list newest first, and combine the latest per context as GitHub does', async () => {
    const sha = models.headSha;
    const before = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'main' });
    assert.equal(before.data.state, 'pending', 'no statuses: pending');
    assert.equal(before.data.total_count, 0);

    const first = await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'pending' });
    assert.equal(first.status, 201);
    assert.equal(first.data.context, 'default');
    assert.equal(first.data.creator?.login, 'acme');
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'eval' });
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success' });
    let combined = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'main' });
    assert.equal(combined.data.state, 'success');
    assert.equal(combined.data.total_count, 2, 'one per context');
    assert.equal(combined.data.sha, sha);

    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'pending', context: 'drift' });
    combined = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha });
    assert.equal(combined.data.state, 'pending');
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'error', context: 'eval' });
    combined = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha });
    assert.equal(combined.data.state, 'failure', 'an error anywhere fails the whole');
    assert.deepEqual(
      combined.data.statuses.map((s) => `${s.context}:${s.state}`),
      ['eval:error', 'drift:pending', 'default:success'],
    );

    const list = await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: 'main' });
    assert.equal(list.data.length, 5);
    assert.equal(list.data[0]!.context, 'eval', 'newest first');
    assert.deepEqual((await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: 'nope' })).data, []);
    assert.equal(models.commitStatuses.get(sha)?.length, 5, 'kept per sha for deployments');
  });

  test('unknown commits and the 1,000 statuses per sha and context are refused', async () => {
    const missing = 'f'.repeat(40);
    const bad = await refusal(
      octokit.rest.repos.createCommitStatus({ ...repo, sha: missing, state: 'success' }),
    );
    assert.equal(bad.status, 422);
    assert.equal(bad.message, `No commit found for SHA: ${missing}`);
    assert.equal(
      (await refusal(octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'nope' }))).status,
      404,
    );

    const sha = models.headSha;
    const full = Array.from({ length: 1000 }, (_, i) => ({
      id: 900_000 + i,
      state: 'pending' as const,
      context: 'flaky',
      description: null,
      target_url: null,
      creator: models.owner,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    }));
    models.commitStatuses.set(sha, [...(models.commitStatuses.get(sha) ?? []), ...full]);
    const limit = await refusal(
      octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'flaky' }),
    );
    assert.equal(limit.status, 422);
    assert.deepEqual(limit.errors, [
      {
        resource: 'Status',
        code: 'custom',
        message: 'This SHA and context has reached the maximum number of statuses.',
      },
    ]);
    const other = await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state: 'success',
      context: 'x',
    });
    assert.equal(other.status, 201, 'the limit is per context');
  });
});

describe('workflows', () => {
  test('lists the workflow files and finds one by id or file name', async () => {
    const { data } = await octokit.rest.actions.listRepoWorkflows(repo);
    assert.equal(data.total_count, 2);
    assert.deepEqual(data.workflows.map((w) => w.path).sort(), [
      '.github/workflows/ci.yml',
      '.github/workflows/promote.yml',
    ]);
    const promote = data.workflows.find((w) => w.name === 'Promote')!;
    const byName = await octokit.rest.actions.getWorkflow({ ...repo, workflow_id: 'promote.yml' });
    assert.equal(byName.data.id, promote.id);
    const byId = await octokit.rest.actions.getWorkflow({ ...repo, workflow_id: promote.id });
    assert.equal(byId.data.path, '.github/workflows/promote.yml');
    assert.equal(
      (await refusal(octokit.rest.actions.getWorkflow({ ...repo, workflow_id: 'nope.yml' }))).status,
      404,
    );
  });

  test('workflow_dispatch: trigger, ref and inputs are checked as GitHub does', async () => {
    const dispatch = (workflow_id: string | number, ref: string, inputs?: Record<string, unknown>) => () =>
      octokit.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id,
        ref,
        ...(inputs ? { inputs } : {}),
      });
    const ok = await dispatch('promote.yml', 'main', { model: 'v3', stage: 'production' })();
    assert.equal(ok.status, 204);
    assert.deepEqual(models.workflowDispatches.at(-1), {
      workflowId: models.workflowIds.get('.github/workflows/promote.yml'),
      path: '.github/workflows/promote.yml',
      ref: 'main',
      sha: models.headSha,
      inputs: { model: 'v3', stage: 'production' },
      actor: 'acme',
    });

    const cases: [() => Promise<unknown>, number, string][] = [
      [dispatch('nope.yml', 'main'), 404, 'Not Found'],
      [dispatch('ci.yml', 'main'), 422, "Workflow does not have 'workflow_dispatch' trigger"],
      [dispatch('promote.yml', 'no-such-branch', { model: 'v3' }), 422, 'No ref found for: no-such-branch'],
      [
        dispatch('promote.yml', 'main', { model: 'v3', extra: 1 }),
        422,
        'Unexpected inputs provided: ["extra"]',
      ],
      [dispatch('promote.yml', 'main', {}), 422, "Required input 'model' not provided"],
      [
        dispatch('promote.yml', 'main', { model: 'v3', stage: 'qa' }),
        422,
        "Provided value 'qa' for input 'stage' not in the list of allowed values",
      ],
    ];
    for (const [call, status, message] of cases) {
      const refused = await refusal(call());
      assert.deepEqual([refused.status, refused.message], [status, message]);
    }
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`i${i}`, 'x']));
    assert.equal((await refusal(dispatch('promote.yml', 'main', many)())).status, 422, 'at most 25 inputs');
    assert.equal(gh.requestProblems.length, 1);
    gh.requestProblems.length = 0;
    assert.equal(models.workflowDispatches.length, 1, 'refused dispatches are not recorded');

    const details = await octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        ...repo,
        workflow_id: 'promote.yml',
        ref: 'main',
        inputs: { model: 'v4' },
        return_run_details: true,
      },
    );
    assert.equal(details.status, 200);
    assert.match((details.data as { run_url: string }).run_url, /\/actions\/runs\/\d+$/);
  });
});

describe('issues and labels', () => {
  test('issues and pull requests share numbers; the issue view of a pull request', async () => {
    const issue = await octokit.rest.issues.create({
      ...repo,
      title: 'Drift on churn-model',
      body: 'PSI 0.31',
      labels: ['drift'],
      assignees: ['acme'],
    });
    assert.equal(issue.status, 201);
    assert.equal(issue.data.state, 'open');
    assert.deepEqual(
      issue.data.labels.map((l) => (typeof l === 'string' ? l : l.name)),
      ['drift'],
    );
    assert.equal(issue.data.assignee?.login, 'acme');
    const pr = await gh.createPullRequest('acme/models', 'promote-v3', { 'model.txt': 'v3\n' });
    assert.equal(pr, issue.data.number + 1, 'one sequence');
    const prIssue = await octokit.rest.issues.get({ ...repo, issue_number: pr });
    assert.ok(prIssue.data.pull_request, 'the issue view of a pull request links to it');
    assert.equal(
      (await octokit.rest.issues.get({ ...repo, issue_number: issue.data.number })).data.title,
      issue.data.title,
    );
    assert.equal((await refusal(octokit.rest.issues.get({ ...repo, issue_number: 999 }))).status, 404);

    const open = await octokit.rest.issues.listForRepo(repo);
    assert.deepEqual(
      open.data.map((i) => i.number),
      [pr, issue.data.number],
      'pull requests are listed too, newest first',
    );
    assert.equal(open.data[1]!.author_association, 'OWNER');
    gh.setPermission('acme/models', 'analyst', 'triage');
    const analyst = createGitHubClient({ token: gh.createToken('analyst'), baseUrl: gh.url, pacing: false });
    const theirs = await analyst.rest.issues.create({ ...repo, title: 'Question' });
    assert.equal(theirs.data.author_association, 'COLLABORATOR');
    assert.equal(theirs.data.user?.login, 'analyst');
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue.data.number, body: 'PSI 0.33' });
    const discussed = await octokit.rest.issues.listForRepo({ ...repo, sort: 'comments', per_page: 1 });
    assert.equal(discussed.data[0]!.number, issue.data.number, 'sort=comments: the one with a comment');
    const drift = await octokit.rest.issues.listForRepo({ ...repo, labels: 'Drift' });
    assert.deepEqual(
      drift.data.map((i) => i.number),
      [issue.data.number],
    );

    const invalid = await refusal(
      octokit.rest.issues.create({ ...repo, title: 'x', assignees: ['stranger'] }),
    );
    assert.equal(invalid.status, 422);
    assert.deepEqual(invalid.errors, [
      { value: 'stranger', resource: 'Issue', field: 'assignees', code: 'invalid' },
    ]);
    assert.equal(models.nextIssueNumber, theirs.data.number + 1, 'a refused issue takes no number');
  });

  test('update: close with a reason, reopen, relabel a pull request', async () => {
    const { data: created } = await octokit.rest.issues.create({ ...repo, title: 'Retrain' });
    const n = created.number;
    const closed = await octokit.rest.issues.update({
      ...repo,
      issue_number: n,
      state: 'closed',
      state_reason: 'not_planned',
      title: 'Retrain (dropped)',
    });
    assert.equal(closed.data.state, 'closed');
    assert.equal(closed.data.state_reason, 'not_planned');
    assert.equal(closed.data.closed_by?.login, 'acme');
    assert.ok(closed.data.closed_at);
    const reopened = await octokit.rest.issues.update({ ...repo, issue_number: n, state: 'open' });
    assert.equal(reopened.data.state_reason, 'reopened');
    assert.equal(reopened.data.closed_at, null);
    assert.equal(reopened.data.title, 'Retrain (dropped)');
    assert.equal((await octokit.rest.issues.listForRepo({ ...repo, state: 'closed' })).data.length, 0);

    const pr = await gh.createPullRequest('acme/models', 'promote-v4', { 'model.txt': 'v4\n' });
    await octokit.rest.issues.update({
      ...repo,
      issue_number: pr,
      labels: ['promotion'],
      assignees: ['acme'],
    });
    const pull = await octokit.rest.pulls.get({ ...repo, pull_number: pr });
    assert.deepEqual(
      pull.data.labels.map((l) => l.name),
      ['promotion'],
    );
    assert.equal(pull.data.assignees?.[0]?.login, 'acme');
    await octokit.rest.issues.update({ ...repo, issue_number: pr, state: 'closed' });
    assert.equal((await octokit.rest.pulls.get({ ...repo, pull_number: pr })).data.state, 'closed');

    const unchanged = models.issues.get(n)!.title;
    const bad = await refusal(
      octokit.rest.issues.update({ ...repo, issue_number: n, assignees: ['stranger'] }),
    );
    assert.equal(bad.status, 422);
    assert.equal(models.issues.get(n)!.title, unchanged);
  });

  test('labels: create, get, add (creating missing ones), set, remove, list', async () => {
    const created = await octokit.rest.issues.createLabel({ ...repo, name: 'Model', color: 'FF0000' });
    assert.equal(created.status, 201);
    assert.equal(created.data.color, 'ff0000');
    const dup = await refusal(octokit.rest.issues.createLabel({ ...repo, name: 'model' }));
    assert.deepEqual(
      [dup.status, dup.errors],
      [422, [{ resource: 'Label', code: 'already_exists', field: 'name' }]],
    );
    assert.equal(
      (await refusal(octokit.rest.issues.createLabel({ ...repo, name: 'x', color: 'red' }))).status,
      422,
    );
    assert.equal((await octokit.rest.issues.getLabel({ ...repo, name: 'MODEL' })).data.name, 'Model');
    assert.equal((await refusal(octokit.rest.issues.getLabel({ ...repo, name: 'ghost' }))).status, 404);

    const { data: issue } = await octokit.rest.issues.create({ ...repo, title: 'Label me' });
    const n = issue.number;
    const added = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: n,
      labels: ['model', 'new-one'],
    });
    assert.deepEqual(
      added.data.map((l) => l.name),
      ['Model', 'new-one'],
    );
    assert.equal((await octokit.rest.issues.getLabel({ ...repo, name: 'new-one' })).data.color, 'ededed');
    const set = await octokit.rest.issues.setLabels({ ...repo, issue_number: n, labels: ['ready'] });
    assert.deepEqual(
      set.data.map((l) => l.name),
      ['ready'],
    );
    const missing = await refusal(
      octokit.rest.issues.removeLabel({ ...repo, issue_number: n, name: 'model' }),
    );
    assert.deepEqual([missing.status, missing.message], [404, 'Label does not exist']);
    const removed = await octokit.rest.issues.removeLabel({ ...repo, issue_number: n, name: 'Ready' });
    assert.deepEqual(removed.data, []);
    assert.deepEqual((await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: n })).data, []);
    const all = await octokit.rest.issues.listLabelsForRepo(repo);
    for (const name of ['Model', 'new-one', 'ready', 'drift'])
      assert.ok(
        all.data.some((l) => l.name === name),
        name,
      );
  });

  test('comments need an existing issue or pull request', async () => {
    const { data: issue } = await octokit.rest.issues.create({ ...repo, title: 'Talk' });
    const made = await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'hi' });
    assert.equal(made.status, 201);
    assert.equal(made.data.author_association, 'OWNER');
    const outsider = createGitHubClient({
      token: gh.createToken('passer-by'),
      baseUrl: gh.url,
      pacing: false,
    });
    const theirs = await outsider.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: '/promote',
    });
    assert.equal(theirs.data.author_association, 'NONE', 'not a collaborator');
    assert.equal((await octokit.rest.issues.get({ ...repo, issue_number: issue.number })).data.comments, 2);
    assert.equal(
      (await refusal(octokit.rest.issues.createComment({ ...repo, issue_number: 4242, body: 'x' }))).status,
      404,
    );
  });
});

describe('reactions on issues, pull requests and comments', () => {
  test('create (duplicates answer 200 with the existing one), list, delete', async () => {
    const { data: issue } = await octokit.rest.issues.create({ ...repo, title: 'React' });
    const n = issue.number;
    const first = await octokit.rest.reactions.createForIssue({
      ...repo,
      issue_number: n,
      content: 'rocket',
    });
    assert.equal(first.status, 201);
    const again = await octokit.rest.reactions.createForIssue({
      ...repo,
      issue_number: n,
      content: 'rocket',
    });
    assert.deepEqual([again.status, again.data.id], [200, first.data.id]);
    await octokit.rest.reactions.createForIssue({ ...repo, issue_number: n, content: 'eyes' });
    assert.equal((await octokit.rest.reactions.listForIssue({ ...repo, issue_number: n })).data.length, 2);
    assert.equal(
      (await octokit.rest.reactions.listForIssue({ ...repo, issue_number: n, content: 'eyes' })).data.length,
      1,
    );
    assert.equal((await octokit.rest.issues.get({ ...repo, issue_number: n })).data.reactions?.rocket, 1);
    const gone = await octokit.rest.reactions.deleteForIssue({
      ...repo,
      issue_number: n,
      reaction_id: first.data.id,
    });
    assert.equal(gone.status, 204);
    assert.equal(
      (
        await refusal(
          octokit.rest.reactions.deleteForIssue({ ...repo, issue_number: n, reaction_id: first.data.id }),
        )
      ).status,
      404,
    );
    const pr = await gh.createPullRequest('acme/models', 'react-pr', { 'r.txt': 'r\n' });
    assert.equal(
      (await octokit.rest.reactions.createForIssue({ ...repo, issue_number: pr, content: '+1' })).status,
      201,
    );
    assert.equal(
      (await refusal(octokit.rest.reactions.createForIssue({ ...repo, issue_number: 9999, content: '+1' })))
        .status,
      404,
    );

    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: n,
      body: '/promote',
    });
    const reaction = await octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: 'eyes',
    });
    const deleted = await octokit.rest.reactions.deleteForIssueComment({
      ...repo,
      comment_id: comment.id,
      reaction_id: reaction.data.id,
    });
    assert.equal(deleted.status, 204);
    assert.deepEqual(
      (await octokit.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id })).data,
      [],
    );
  });
});

describe('GET /app and check-run annotations', () => {
  test('the app behind the JWT', async () => {
    const appOctokit = new Octokit({
      baseUrl: gh.url,
      authStrategy: createAppAuth,
      auth: { appId: gh.app.id, privateKey: gh.app.privateKey },
    });
    gh.installApp('acme', ['acme/models']);
    const { data } = await appOctokit.rest.apps.getAuthenticated();
    assert.equal(data?.id, gh.app.id);
    assert.equal(data?.slug, 'modelship');
    assert.equal(data?.installations_count, gh.state.installations.size);
    assert.equal(data?.permissions.checks, 'write');
    assert.equal(
      (await refusal(octokit.rest.apps.getAuthenticated())).status,
      401,
      "a user's token is no app",
    );
  });

  test('annotations across create and update, paged', async () => {
    const note = (line: number) => ({
      path: 'data/train.csv',
      start_line: line,
      end_line: line,
      annotation_level: 'warning' as const,
      message: `row ${line}: null label`,
    });
    // Check runs are written by apps (a workflow's GITHUB_TOKEN is one).
    const workflow = createGitHubClient({
      token: gh.createWorkflowToken('acme/models'),
      baseUrl: gh.url,
      pacing: false,
    });
    const run = await workflow.rest.checks.create({
      ...repo,
      name: 'validate',
      head_sha: models.headSha,
      output: { title: 't', summary: 's', annotations: [note(1), note(2)] },
    });
    await workflow.rest.checks.update({
      ...repo,
      check_run_id: run.data.id,
      output: { title: 't', summary: 's', annotations: [{ ...note(3), title: 'Null' }] },
    });
    const all = await octokit.rest.checks.listAnnotations({ ...repo, check_run_id: run.data.id });
    assert.deepEqual(
      all.data.map((a) => a.start_line),
      [1, 2, 3],
    );
    assert.equal(all.data[2]!.title, 'Null');
    assert.equal(
      all.data[0]!.blob_href,
      `https://github.com/acme/models/blob/${models.headSha}/data/train.csv`,
    );
    const page = await octokit.rest.checks.listAnnotations({
      ...repo,
      check_run_id: run.data.id,
      per_page: 2,
    });
    assert.equal(page.data.length, 2);
    assert.match(page.headers.link ?? '', /rel="next"/);
    assert.equal(
      (await refusal(octokit.rest.checks.listAnnotations({ ...repo, check_run_id: 1 }))).status,
      404,
    );
  });
});
