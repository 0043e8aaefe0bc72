import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { readVersionRecord } from '../../../core/registry/version-tag-message.js';
import { runRegister } from '../../../jobs/register/run-register.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { registerWorkspace, settingsFor, standInPorts } from '../../support/register-fixture.js';
import { gitIn, seedModelRepository } from '../../support/registry-standin.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let gh: GitHubStandIn;
let commits: string[];
let workspace: string;

before(async () => {
  gh = await startGitHubStandIn();
  ({ commits } = await seedModelRepository(gh, 'acme/models', 6));
  workspace = registerWorkspace();
});
after(() => gh.close());

const register = async (commit: string, overrides = {}, options = {}) => {
  const settings = settingsFor(commit, overrides);
  const ports = standInPorts(gh, workspace, settings, options);
  try {
    return await runRegister(settings, ports);
  } finally {
    await ports.close();
  }
};
const repo = () => gh.state.repo('acme', 'models')!;
const releaseOf = (tag: string) => [...repo().releases.values()].find((r) => r.tag_name === tag);
const assetsOf = (tag: string) =>
  [...repo().assets.values()].filter((a) => a.releaseId === releaseOf(tag)?.id).map((a) => a.meta);
const callsSince = (from: number) => gh.calls.slice(from).map((c) => c.operationId);

describe('register job against the GitHub stand-in (real git behind it)', () => {
  test('the first registration: an annotated tag v0.0.1 with the record, a release with the model card and assets, within 8 API calls', async () => {
    const from = gh.calls.length;
    const outcome = await register(commits[0]!);
    assert.equal(outcome.tag, 'churn@v0.0.1');
    assert.equal(outcome.created, true);
    assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', 'refs/tags/churn@v0.0.1']), 'tag');
    assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', 'churn@v0.0.1^{commit}']), commits[0]);
    assert.match(
      await gitIn(gh, 'acme/models', ['for-each-ref', '--format=%(refname) %(objecttype)', 'refs/tags/']),
      /^refs\/tags\/churn@v0\.0\.1 tag$/m,
    );
    const message = await gitIn(gh, 'acme/models', [
      'for-each-ref',
      '--format=%(contents)',
      'refs/tags/churn@v0.0.1',
    ]);
    const record = readVersionRecord(message)!;
    assert.equal(record.version, 'v0.0.1');
    assert.equal(record.commit, commits[0]);
    assert.deepEqual(record.artifacts, [
      {
        name: 'churn.onnx',
        uri: `${gh.webUrl}/acme/models/releases/download/churn%40v0.0.1/churn.onnx`,
        sha256: sha256('ONNX churn model, trained'),
        size: 25,
      },
    ]);
    assert.equal(record.gate?.verdict, 'passed');
    assert.deepEqual(record.gate?.rules, [
      { metric: 'roc_auc', passed: true, value: 0.934, baseline: 0.92, interval: [0.004, 0.024] },
    ]);
    assert.equal(record.metrics.roc_auc, 0.934);
    assert.deepEqual(record.dataset, {
      location: 'holdout.csv',
      sha256: sha256(readFileSync(join(workspace, 'holdout.csv'), 'utf8')),
    });
    assert.equal(record.run, 'https://github.com/acme/models/actions/runs/7');
    assert.equal(record.parent, undefined);

    const release = releaseOf('churn@v0.0.1')!;
    assert.equal(release.draft, false);
    assert.match(String(release.body), /churn v0\.0\.1/);
    assert.equal(outcome.release?.url, release.html_url);
    const assets = assetsOf('churn@v0.0.1');
    assert.deepEqual(assets.map((a) => a.name).sort(), ['churn.onnx', 'metrics.json', 'model-card.json']);
    assert.equal(
      assets.find((a) => a.name === 'churn.onnx')!.digest,
      `sha256:${record.artifacts[0]!.sha256}`,
    );
    const card = assets.find((a) => a.name === 'model-card.json')!;
    const cardFile = [...repo().assets.values()].find((a) => a.meta.id === card.id)!.file;
    assert.deepEqual(JSON.parse(readFileSync(cardFile, 'utf8')), record);

    const calls = callsSince(from);
    assert.equal(calls.filter((c) => c === 'repos/upload-release-asset').length, 3);
    const api = calls.filter((c) => c !== 'repos/upload-release-asset');
    assert.ok(api.length <= 8, `a registration makes at most 8 API calls besides uploads: ${api.join(', ')}`);
    assert.deepEqual(api, [
      'graphql',
      'git/create-tag',
      'git/create-ref',
      'repos/get-release-by-tag',
      'repos/create-release',
    ]);
    assert.deepEqual(outcome.subjects, [
      { name: 'churn.onnx', path: join(workspace, 'model/churn.onnx'), sha256: record.artifacts[0]!.sha256 },
    ]);
  });

  test('a re-run converges: no new tag, release or asset, two reads', async () => {
    const tags = await gitIn(gh, 'acme/models', ['tag', '-l']);
    const releases = repo().releases.size;
    const assets = repo().assets.size;
    const from = gh.calls.length;
    const outcome = await register(commits[0]!);
    assert.equal(outcome.created, false);
    assert.equal(outcome.tag, 'churn@v0.0.1');
    assert.deepEqual(outcome.release?.uploaded, []);
    assert.equal(outcome.release?.created, false);
    assert.equal(await gitIn(gh, 'acme/models', ['tag', '-l']), tags);
    assert.equal(repo().releases.size, releases);
    assert.equal(repo().assets.size, assets);
    assert.deepEqual(callsSince(from), ['graphql', 'repos/get-release-by-tag']);
  });

  test('the next commit takes the next version, with the previous one as its parent', async () => {
    const outcome = await register(commits[1]!, { version: 'minor' });
    assert.equal(outcome.tag, 'churn@v0.1.0');
    assert.equal(outcome.record.parent, 'v0.0.1');
  });

  test('an interrupted registration (tag claimed, then the run died) is completed by the next run', async () => {
    const settings = settingsFor(commits[2]!);
    const ports = standInPorts(gh, workspace, settings);
    // The run dies right after its claim: the release is never created.
    ports.releases = {
      ...ports.releases!,
      createRelease: () => Promise.reject(new Error('runner lost')),
    };
    await assert.rejects(runRegister(settings, ports), /runner lost/);
    await ports.close();
    assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', 'refs/tags/churn@v0.1.1']), 'tag');
    assert.equal(releaseOf('churn@v0.1.1'), undefined);
    const outcome = await register(commits[2]!);
    assert.equal(outcome.tag, 'churn@v0.1.1');
    assert.equal(outcome.created, false);
    assert.equal(outcome.release?.created, true);
    assert.deepEqual(
      assetsOf('churn@v0.1.1')
        .map((a) => a.name)
        .sort(),
      ['churn.onnx', 'metrics.json', 'model-card.json'],
    );
  });

  test('a release with a missing asset is completed; an asset with another digest is refused, never replaced', async () => {
    const tag = 'churn@v0.1.1';
    const card = assetsOf(tag).find((a) => a.name === 'metrics.json')!;
    const { createGitHubClient } = await import('../../../platform/github/client.js');
    const octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, pacing: false });
    await octokit.rest.repos.deleteReleaseAsset({
      owner: 'acme',
      repo: 'models',
      asset_id: card.id as number,
    });
    const completed = await register(commits[2]!);
    assert.deepEqual(completed.release?.uploaded, ['metrics.json']);

    const model = assetsOf(tag).find((a) => a.name === 'churn.onnx')!;
    await octokit.rest.repos.deleteReleaseAsset({
      owner: 'acme',
      repo: 'models',
      asset_id: model.id as number,
    });
    const release = releaseOf(tag)!;
    await octokit.rest.repos.uploadReleaseAsset({
      owner: 'acme',
      repo: 'models',
      release_id: release.id as number,
      name: 'churn.onnx',
      data: 'something else',
      baseUrl: gh.uploadsUrl,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await assert.rejects(
      register(commits[2]!),
      (error) =>
        isUserError(error) &&
        /already has an asset churn\.onnx with sha256 .* never replaced/.test(error.message),
    );
  });

  test('two registrations racing for the next version get distinct versions, each with its complete release', async () => {
    const outcomes = await Promise.all([register(commits[3]!), register(commits[4]!)]);
    const tags = outcomes.map((o) => o.tag).sort();
    assert.deepEqual(tags, ['churn@v0.1.2', 'churn@v0.1.3']);
    for (const o of outcomes) {
      assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', `${o.tag}^{commit}`]), o.commit);
      assert.deepEqual(
        assetsOf(o.tag)
          .map((a) => a.name)
          .sort(),
        ['churn.onnx', 'metrics.json', 'model-card.json'],
      );
    }
  });

  test('refusals: an explicit version on another commit; a second version on one commit unless forced', async () => {
    await assert.rejects(
      register(commits[5]!, { version: 'v0.0.1' }),
      (error) => isUserError(error) && /already exists on another commit/.test(error.message),
    );
    await assert.rejects(
      register(commits[0]!, { version: 'v3.0.0' }),
      (error) =>
        isUserError(error) &&
        /churn@v0\.0\.1/.test(error.message) &&
        /force: true \(--force\)/.test(error.message),
    );
    const forced = await register(commits[0]!, { version: 'v3.0.0', force: true });
    assert.equal(forced.tag, 'churn@v3.0.0');
    assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', 'churn@v3.0.0^{commit}']), commits[0]);
  });

  test('refusals: a missing model file, and a token without contents: write — nothing written', async () => {
    const before = await gitIn(gh, 'acme/models', ['tag', '-l']);
    await assert.rejects(
      register(commits[5]!, { files: ['model/missing.onnx'] }),
      (error) => isUserError(error) && error.location.file === 'model/missing.onnx',
    );
    const readOnly = gh.createWorkflowToken('acme/models', { contents: 'read', metadata: 'read' });
    await assert.rejects(
      register(commits[5]!, {}, { token: readOnly }),
      (error) => isUserError(error) && /permissions: contents: write/.test(error.message),
    );
    assert.equal(await gitIn(gh, 'acme/models', ['tag', '-l']), before);
  });
});
