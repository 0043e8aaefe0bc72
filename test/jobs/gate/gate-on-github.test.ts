import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import type { GatePorts } from '../../../jobs/gate/gate-ports.js';
import { resolveGateSettings } from '../../../jobs/gate/gate-settings.js';
import { runGate } from '../../../jobs/gate/run-gate.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { checkRunPublisher } from '../../../platform/github/publish-check-run.js';
import { pullRequestComments } from '../../../platform/github/sticky-comments.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';

// The job with the real GitHub ports against the stand-in: on every push the same check run and the
// same comment are updated, never a second one; the comment and the check run say the same.
let gh: GitHubStandIn;
let ports: GatePorts;
const files: Record<string, string> = {};
before(async () => {
  gh = await startGitHubStandIn();
  const { headSha } = await gh.createRepo('acme/models');
  const number = await gh.createPullRequest('acme/models', 'candidate', { 'model.onnx': 'x' });
  const octokit = createGitHubClient({
    token: gh.createWorkflowToken('acme/models'),
    baseUrl: gh.url,
    pacing: false,
  });
  ports = {
    files: { read: async (path) => files[path]! },
    reports: { check: async () => {}, write: async (path) => path },
    checkRuns: {
      publisher: checkRunPublisher(octokit, { owner: 'acme', repo: 'models' }),
      headSha,
      fromFork: false,
    },
    comments: {
      comments: pullRequestComments(octokit, { owner: 'acme', repo: 'models', number }),
      fromFork: false,
    },
  };
});
after(() => gh.close());

const settings = resolveGateSettings(
  modelshipConfigSchema.parse({
    gate: { name: 'churn', metrics: { roc_auc: { threshold: 0.9, min_absolute_change: 0.005 } } },
  }),
  { candidate: 'cand.json', baseline: 'prod.json' },
  { candidate: '--candidate', baseline: '--baseline' },
);
const metrics = (auc: number) => JSON.stringify({ task: 'binary', rows: 100, metrics: { roc_auc: auc } });

test('push after push: one check run and one comment, updated in place', async () => {
  files['prod.json'] = metrics(0.9);
  const results = [];
  for (const auc of [0.902, 0.93, 0.93]) {
    files['cand.json'] = metrics(auc);
    results.push(await runGate(settings, ports));
  }
  assert.deepEqual(
    results.map((r) => [r.passed, r.checkRun.status, r.comment.status === 'published' && r.comment.write]),
    [
      [false, 'published', 'created'],
      [true, 'published', 'updated'],
      [true, 'published', 'unchanged'],
    ],
  );
  const repo = gh.state.repo('acme', 'models')!;
  const runs = [...repo.checkRuns.values()];
  assert.deepEqual(
    runs.map((r) => [r.name, r.conclusion]),
    [['Modelship gate', 'success']],
  );
  const comments = [...repo.comments.values()];
  assert.equal(comments.length, 1);
  assert.match(
    String(comments[0]!.body),
    /^<!-- modelship:gate:churn -->\n### ✅ Gate passed: churn meets its rule/,
  );
  assert.equal(
    (runs[0]!.output as { summary: string }).summary,
    String(comments[0]!.body).split('\n').slice(1).join('\n'),
  );
  assert.deepEqual(gh.responseProblems, []);
});
