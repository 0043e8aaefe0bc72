import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readVersionRecord } from '../../../core/registry/version-tag-message.js';
import { runRegister } from '../../../jobs/register/run-register.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { registerWorkspace, settingsFor, standInPorts } from '../../support/register-fixture.js';
import { gitIn, seedModelRepository } from '../../support/registry-standin.js';

let gh: GitHubStandIn;
let commits: string[];
let workspace: string;

before(async () => {
  gh = await startGitHubStandIn();
  ({ commits } = await seedModelRepository(gh, 'acme/models', 12));
  workspace = registerWorkspace();
});
after(() => gh.close());

const register = async (commit: string) => {
  const settings = settingsFor(commit);
  const ports = standInPorts(gh, workspace, settings);
  try {
    return await runRegister(settings, ports);
  } finally {
    await ports.close();
  }
};
const repo = () => gh.state.repo('acme', 'models')!;
const assetNames = (tag: string) => {
  const release = [...repo().releases.values()].find((r) => r.tag_name === tag);
  return [...repo().assets.values()]
    .filter((a) => a.releaseId === release?.id)
    .map((a) => a.meta.name)
    .sort();
};

describe('registrations racing through the API (the ref is the claim)', () => {
  test('ten registrations of ten commits: ten distinct versions, each tag on its commit with its complete release', async () => {
    const outcomes = await Promise.all(commits.slice(0, 10).map((c) => register(c)));
    const versions = outcomes
      .map((o) => o.version)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    assert.equal(new Set(versions).size, 10, `distinct versions: ${versions.join(', ')}`);
    assert.deepEqual(
      versions,
      Array.from({ length: 10 }, (_, i) => `v0.0.${i + 1}`),
    );
    assert.ok(
      outcomes.some((o) => o.claims > 1),
      'some lost a claim and took the next version',
    );
    for (const o of outcomes) {
      assert.equal(await gitIn(gh, 'acme/models', ['cat-file', '-t', `refs/tags/${o.tag}`]), 'tag');
      assert.equal(await gitIn(gh, 'acme/models', ['rev-parse', `${o.tag}^{commit}`]), o.commit);
      const message = await gitIn(gh, 'acme/models', [
        'for-each-ref',
        '--format=%(contents)',
        `refs/tags/${o.tag}`,
      ]);
      assert.equal(
        readVersionRecord(message)?.version,
        o.version,
        'the record names the version its tag claims',
      );
      assert.deepEqual(assetNames(o.tag), ['churn.onnx', 'metrics.json', 'model-card.json']);
    }
    assert.equal(repo().releases.size, 10);
  });

  test('a re-run racing the first run of the same commit: one version, one release, both runs report it', async () => {
    const [a, b] = await Promise.all([register(commits[10]!), register(commits[10]!)]);
    assert.equal(a!.tag, b!.tag);
    assert.deepEqual([a!.created, b!.created].sort(), [false, true]);
    assert.equal(
      (await gitIn(gh, 'acme/models', ['tag', '--points-at', commits[10]!])).split('\n').length,
      1,
    );
    assert.deepEqual(assetNames(a!.tag), ['churn.onnx', 'metrics.json', 'model-card.json']);
  });
});
