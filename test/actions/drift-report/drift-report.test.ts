import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../../support/action-harness.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { runModelship } from '../../support/run-cli-in-process.js';

const root = join(import.meta.dirname, '../../..');
const entry = join(root, 'dist/drift-report.js');
let gh: GitHubStandIn;
let headSha: string;
let workspace: string;
let token: string;

before(async () => {
  gh = await startGitHubStandIn();
  headSha = (await gh.createRepo('acme/models')).headSha;
  token = gh.createWorkflowToken('acme/models');
  workspace = mkdtempSync(join(tmpdir(), 'modelship-drift-workspace-'));
  cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });
  cpSync(join(root, '.github'), join(workspace, '.github'), { recursive: true });
});
after(() => gh.close());

const run = (inputs: Record<string, string>, event: unknown = {}) =>
  runAction(entry, {
    inputs: { token, ...inputs },
    event,
    repository: 'acme/models',
    sha: headSha,
    apiUrl: gh.url,
    cwd: workspace,
  });

describe('drift-report action (bundled dist entry, run as the runner runs it, against the GitHub stand-in)', () => {
  test('drift on the example data: a failing check run on the PR head, outputs, summary, reports', async () => {
    const pr = { pull_request: { number: 3, head: { sha: headSha } } };
    const result = await run({ html: 'drift.html' }, pr);
    assert.equal(result.exitCode, 0, `drift alone does not fail the step: ${result.stderr}${result.logs}`);
    assert.equal(result.outputs['drift-detected'], 'true');
    const drifted = JSON.parse(result.outputs['drifted-columns']!) as string[];
    assert.ok(drifted.includes('season') && !drifted.includes('crop'));
    assert.match(result.summary, /Drift in \d+ of 12 columns/);
    assert.deepEqual(result.masks, [token]);
    const runs = [...gh.state.repo('acme', 'models')!.checkRuns.values()];
    assert.equal(runs.length, 1);
    assert.deepEqual(
      [runs[0]!.name, runs[0]!.head_sha, runs[0]!.conclusion],
      ['Modelship drift', headSha, 'failure'],
    );
    assert.match(result.outputs['check-run-url']!, /\/runs\/\d+$/);
    assert.match(readFileSync(join(workspace, 'drift.html'), 'utf8'), /<svg class="chart"/);

    // The action and the CLI agree on the same data.
    const cli = await runModelship(['drift', '--json'], workspace);
    assert.deepEqual(JSON.parse(readFileSync(result.outputs.report!, 'utf8')), JSON.parse(cli.stdout));
  });

  test('a re-run updates the same check run; neutral when configured; fail-on-drift fails the step', async () => {
    const result = await run({ 'conclusion-on-drift': 'neutral', 'fail-on-drift': 'true' });
    assert.equal(result.exitCode, 1);
    assert.match(result.annotations.at(-1)!.message, /dataset drifted/);
    const runs = [...gh.state.repo('acme', 'models')!.checkRuns.values()];
    assert.equal(runs.length, 1, 'updated, not duplicated');
    assert.equal(runs[0]!.conclusion, 'neutral');
  });

  test('no drift: success; bad input: one clear failure without a stack trace', async () => {
    const same = await run({
      reference: 'examples/data/train.csv',
      current: 'examples/data/train.csv',
      'check-name': 'same data',
    });
    assert.equal(same.outputs['drift-detected'], 'false');
    const checkRun = [...gh.state.repo('acme', 'models')!.checkRuns.values()].find(
      (r) => r.name === 'same data',
    )!;
    assert.equal(checkRun.conclusion, 'success');
    const bad = await run({ current: 'examples/data/nope.csv' });
    assert.equal(bad.exitCode, 1);
    assert.match(bad.annotations[0]!.message, /examples\/data\/nope\.csv: no such file/);
    assert.doesNotMatch(bad.stdout, /\n\s+at /);
    const share = await run({ 'drift-share': '3' });
    assert.match(share.annotations[0]!.message, /input "drift-share": must be in \(0, 1\]/);
  });
});

describe('drift-report keeps its result when the check run cannot be posted', () => {
  test('403 (no checks: write): summary, outputs and report first, a warning naming the permission, exit 0', async () => {
    gh.faults.add({ kind: 'status', status: 403, times: 1, operationId: 'checks/list-for-ref' });
    const result = await run({ 'check-name': 'forbidden run', report: 'out/drift.json' });
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.equal(result.outputs['drift-detected'], 'true');
    assert.equal(result.outputs['check-run-url'], '');
    assert.match(result.outputs.error!, /checks: write/);
    assert.match(result.summary, /Drift in \d+ of 12 columns/);
    assert.match(result.summary, /checks: write/);
    assert.ok(result.annotations.some((a) => a.level === 'warning' && /checks: write/.test(a.message)));
    assert.equal(JSON.parse(readFileSync(join(workspace, 'out/drift.json'), 'utf8')).dataset.drift, true);
    const calls = gh.calls.filter((c) => c.operationId === 'checks/list-for-ref' && c.status === 403);
    assert.equal(calls.length, 1, 'a 403 is not retried');
  });

  test('from a fork, the warning says why; check-run-required turns it into a failure', async () => {
    gh.faults.add({ kind: 'status', status: 403, times: 1, operationId: 'checks/list-for-ref' });
    const fork = {
      pull_request: {
        number: 4,
        head: { sha: headSha, repo: { full_name: 'someone/models' } },
        base: { repo: { full_name: 'acme/models' } },
      },
    };
    const result = await run({ 'check-name': 'fork run', 'check-run-required': 'true' }, fork);
    assert.equal(result.exitCode, 1);
    assert.match(result.outputs.error!, /fork/);
    assert.equal(result.outputs['drift-detected'], 'true');
    assert.ok(result.outputs.report && readFileSync(result.outputs.report, 'utf8').includes('"drift"'));
  });

  test('any failure still sets the outputs and writes the summary', async () => {
    const bad = await run({ current: 'examples/data/nope.csv' });
    assert.equal(bad.exitCode, 1);
    assert.equal(bad.outputs['drift-detected'], 'false');
    assert.match(bad.outputs.error!, /nope\.csv: no such file/);
    assert.match(bad.summary, /drift-report could not finish[\s\S]*nope\.csv: no such file/);
  });

  test('a report or HTML path that names an input is refused before anything is written', async () => {
    for (const [input, path] of [
      ['html', 'examples/data/current.csv'],
      ['report', './examples/../examples/data/train.csv'],
      ['report', '.github/modelship.yml'],
    ] as const) {
      const before = readFileSync(join(workspace, path), 'utf8');
      const result = await run({ [input]: path, 'check-name': `guard ${input}` });
      assert.equal(result.exitCode, 1, `${input}=${path}`);
      assert.match(result.outputs.error!, /would overwrite the input/);
      assert.equal(readFileSync(join(workspace, path), 'utf8'), before, `${path} unchanged`);
    }
  });
});
