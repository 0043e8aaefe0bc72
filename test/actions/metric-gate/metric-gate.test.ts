import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../../support/action-harness.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

const root = join(import.meta.dirname, '../../..');
// MODELSHIP_DIST runs another build of the bundles (one made outside the checkout's dist/).
const entry = join(process.env.MODELSHIP_DIST ?? join(root, 'dist'), 'metric-gate.js');
let gh: GitHubStandIn;
let headSha: string;
let workspace: string;
let token: string;
let number: number;

const candidate = {
  task: 'binary',
  rows: 2000,
  metrics: { accuracy: 0.91, roc_auc: 0.93, log_loss: 0.25 },
  slices: [{ column: 'plan', value: 'pro', rows: 800, metrics: { roc_auc: 0.96 } }],
};
const production = { task: 'binary', rows: 2000, metrics: { accuracy: 0.9, roc_auc: 0.92, log_loss: 0.24 } };

before(async () => {
  gh = await startGitHubStandIn();
  headSha = (await gh.createRepo('acme/models')).headSha;
  number = await gh.createPullRequest('acme/models', 'candidate', { 'model.onnx': 'x' });
  token = gh.createWorkflowToken('acme/models');
  workspace = mkdtempSync(join(tmpdir(), 'modelship-gate-workspace-'));
  mkdirSync(join(workspace, '.github'));
  writeFileSync(
    join(workspace, '.github/modelship.yml'),
    'gate:\n  name: churn\n  metrics:\n    roc_auc:\n      threshold: 0.9\n      min_absolute_change: 0.005\n    log_loss:\n      threshold: 0.3\n',
  );
  writeFileSync(join(workspace, 'cand.json'), JSON.stringify(candidate));
  writeFileSync(join(workspace, 'prod.json'), JSON.stringify(production));
  writeFileSync(
    join(workspace, 'worse.json'),
    JSON.stringify({ ...candidate, metrics: { roc_auc: 0.921, log_loss: 0.35 } }),
  );
  writeFileSync(
    join(workspace, 'bad.json'),
    JSON.stringify({ task: 'binary', rows: 10, metrics: { roc_auc: 'high' } }),
  );
});
after(() => gh.close());

const pr = () => ({ pull_request: { number, head: { sha: headSha } } });
const run = (inputs: Record<string, string>, event: unknown = pr()) =>
  runAction(entry, {
    inputs: { token, ...inputs },
    event,
    repository: 'acme/models',
    sha: headSha,
    apiUrl: gh.url,
    cwd: workspace,
  });
const gateComments = () =>
  [...gh.state.repo('acme', 'models')!.comments.values()].filter((c) =>
    String(c.body).startsWith('<!-- modelship:gate:'),
  );

describe('metric-gate action (bundled dist entry, run as the runner runs it, against the GitHub stand-in)', () => {
  test('a passing gate: outputs, summary, a successful check run and one comment', async () => {
    const result = await run({ candidate: 'cand.json', baseline: 'prod.json' });
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.equal(result.outputs.passed, 'true');
    const metrics = JSON.parse(result.outputs.metrics!);
    assert.equal(metrics.roc_auc.passed, true);
    assert.equal(metrics.accuracy.passed, null);
    assert.match(result.outputs.report!, /gate-report\.json$/);
    assert.match(result.summary, /Gate passed: churn meets all 2 rules/);
    assert.deepEqual(result.masks, [token]);
    const runs = [...gh.state.repo('acme', 'models')!.checkRuns.values()];
    assert.deepEqual(
      runs.map((r) => [r.name, r.head_sha, r.conclusion]),
      [['Modelship gate', headSha, 'success']],
    );
    assert.equal(gateComments().length, 1);
    assert.ok(result.outputs['comment-url']);
    assert.deepEqual(gh.responseProblems, []);
  });

  test('the next push fails the gate: the same check run and comment are updated, the step fails', async () => {
    const result = await run({ candidate: 'worse.json', baseline: 'prod.json' });
    assert.equal(result.exitCode, 1);
    assert.equal(result.outputs.passed, 'false');
    assert.match(result.stdout, /::error::The gate failed:%0A- roc_auc = 0\.921 does not exceed/);
    const runs = [...gh.state.repo('acme', 'models')!.checkRuns.values()];
    assert.deepEqual(
      runs.map((r) => r.conclusion),
      ['failure'],
    );
    const comments = gateComments();
    assert.equal(comments.length, 1, 'updated in place, not a second comment');
    assert.match(
      String(comments[0]!.body),
      /❌ Gate failed: churn misses 2 of 2 rules \(roc_auc, log_loss\)/,
    );
  });

  test('fail-on-gate "false" keeps the step green; the check run still fails', async () => {
    const result = await run({ candidate: 'worse.json', baseline: 'prod.json', 'fail-on-gate': 'false' });
    assert.equal(result.exitCode, 0);
    assert.equal(result.outputs.passed, 'false');
  });

  test('a comment refused (a fork) is a warning; the verdict and outputs stay', async () => {
    gh.faults.add({ kind: 'status', status: 403, operationId: 'issues/update-comment' });
    const fork = {
      pull_request: {
        number,
        head: { sha: headSha, repo: { full_name: 'eve/models' } },
        base: { repo: { full_name: 'acme/models' } },
      },
    };
    const result = await run({ candidate: 'cand.json', baseline: 'prod.json' }, fork);
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.equal(result.outputs.passed, 'true');
    assert.equal(result.outputs['comment-url'], '');
    assert.ok(result.annotations.some((a) => a.level === 'warning' && /comes from a fork/.test(a.message)));
    assert.match(result.summary, /\[!WARNING\]/);
  });

  test('least privilege: a token without pull-requests: write still posts the check run; the comment is a warning', async () => {
    const narrow = gh.createWorkflowToken('acme/models', {
      checks: 'write',
      contents: 'read',
      metadata: 'read',
    });
    const result = await run({ candidate: 'cand.json', baseline: 'prod.json', token: narrow });
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.ok(result.outputs['check-run-url']);
    assert.equal(result.outputs['comment-url'], '');
    assert.ok(
      result.annotations.some(
        (a) => a.level === 'warning' && /permissions: pull-requests: write/.test(a.message),
      ),
      JSON.stringify(result.annotations),
    );
  });

  test('a metrics file of the wrong shape fails the step naming the file and the field', async () => {
    const result = await run({ candidate: 'cand.json', baseline: 'bad.json' });
    assert.equal(result.exitCode, 1);
    assert.equal(result.outputs.passed, 'false');
    assert.match(
      result.outputs.error!,
      /^bad\.json \(metrics\.roc_auc\): not a metrics file of `modelship evaluate --output`/,
    );
  });
});
