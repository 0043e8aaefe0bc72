import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readVersionRecord } from '../../../core/registry/version-tag-message.js';
import { runAction } from '../../support/action-harness.js';
import { buildActionEntry } from '../../support/build-action-entry.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { registerWorkspace } from '../../support/register-fixture.js';
import { gitIn, seedModelRepository } from '../../support/registry-standin.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let gh: GitHubStandIn;
let commits: string[];
let workspace: string;
let entry: string;

before(async () => {
  [gh, entry] = await Promise.all([startGitHubStandIn(), buildActionEntry('register-model')]);
  ({ commits } = await seedModelRepository(gh, 'acme/models', 3));
  workspace = registerWorkspace('modelship-register-action-');
  writeFileSync(join(workspace, 'model/tokenizer.json'), '{"vocab": 3}');
});
after(() => gh.close());

const run = (
  inputs: Record<string, string>,
  sha = commits[0]!,
  token = gh.createWorkflowToken('acme/models'),
) =>
  runAction(entry, {
    inputs: {
      token,
      name: 'churn',
      model: 'model/churn.onnx\nmodel/*.json',
      evaluation: 'evaluation.json',
      gate: 'gate-report.json',
      dataset: 'holdout.csv',
      ...inputs,
    },
    repository: 'acme/models',
    sha,
    apiUrl: gh.url,
    cwd: workspace,
    env: { GITHUB_SERVER_URL: gh.webUrl, GITHUB_ACTOR: 'ada' },
  });

describe('register-model action (bundled entry, run as the runner runs it, against the GitHub stand-in)', () => {
  test('registers: outputs for attest-build-provenance, an annotated tag, a release with the model card', async () => {
    const result = await run({});
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.equal(result.outputs.tag, 'churn@v0.0.1');
    assert.equal(result.outputs.version, 'v0.0.1');
    assert.equal(result.outputs.created, 'true');
    assert.equal(result.outputs.error, '');
    assert.equal(
      result.outputs['subject-path'],
      [join(workspace, 'model/churn.onnx'), join(workspace, 'model/tokenizer.json')].join('\n'),
    );
    assert.equal(result.outputs['subject-digest'], `sha256:${sha256('ONNX churn model, trained')}`);
    assert.equal(result.outputs['subject-name'], 'churn.onnx');
    const artifacts = JSON.parse(result.outputs.artifacts!) as { name: string; sha256: string }[];
    assert.deepEqual(
      artifacts.map((a) => [a.name, a.sha256]),
      [
        ['churn.onnx', sha256('ONNX churn model, trained')],
        ['tokenizer.json', sha256('{"vocab": 3}')],
      ],
    );
    assert.equal(result.masks.length, 1, 'the token is masked');
    assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', 'refs/tags/churn@v0.0.1']), 'tag');
    const release = [...gh.state.repo('acme', 'models')!.releases.values()].find(
      (r) => r.tag_name === 'churn@v0.0.1',
    )!;
    assert.equal(result.outputs['release-url'], release.html_url);
    assert.match(
      String(release.body),
      /\| roc\\_auc \| 0\.934 \| 0\.92 \| \+0\.014 \| \+0\.004 to \+0\.024 \|/,
    );
    assert.match(result.summary, /Registered churn@v0\.0\.1/);
    const record = readVersionRecord(
      await gitIn(gh, 'acme/models', ['for-each-ref', '--format=%(contents)', 'refs/tags/churn@v0.0.1']),
    )!;
    assert.equal(record.registeredBy, 'ada');
    assert.equal(record.run, `${gh.webUrl}/acme/models/actions/runs/1`);
    assert.equal(record.commit, commits[0]);
  });

  test('a re-run of the same workflow converges: created is "false", nothing new', async () => {
    const releases = gh.state.repo('acme', 'models')!.releases.size;
    const result = await run({});
    assert.equal(result.exitCode, 0, result.stderr + result.logs);
    assert.equal(result.outputs.tag, 'churn@v0.0.1');
    assert.equal(result.outputs.created, 'false');
    assert.equal(gh.state.repo('acme', 'models')!.releases.size, releases);
  });

  test('a read-only GITHUB_TOKEN fails the step saying which permission the workflow needs', async () => {
    const readOnly = gh.createWorkflowToken('acme/models', { contents: 'read', metadata: 'read' });
    const result = await run({}, commits[1]!, readOnly);
    assert.equal(result.exitCode, 1);
    assert.match(result.outputs.error!, /permissions: contents: write/);
    assert.equal(result.outputs.tag, '');
    assert.doesNotMatch(result.stdout, /at .*\.js:\d+/, 'no stack trace');
  });

  test('an invalid name or version is refused with what is valid', async () => {
    const name = await run({ name: 'churn model' }, commits[1]!);
    assert.equal(name.exitCode, 1);
    assert.match(name.outputs.error!, /not a valid model name: .*e\.g\. fraud/);
    const version = await run({ version: 'v1.2' }, commits[1]!);
    assert.match(version.outputs.error!, /give major, minor or patch/);
  });
});
